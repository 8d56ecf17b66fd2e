# Contract end: deletion, proof of deletion, data return (issue 17).
property-deletion-at-contract-end = Erased at contract end
property-deletion-certificate = Written confirmation of deletion
property-data-return-on-request = Handed back on request
property-data-return-format = Form of the returned data

answer-deletion-at-contract-end-yes = Erased
answer-deletion-at-contract-end-no = Not erased
answer-deletion-certificate-yes = Provided
answer-deletion-certificate-no = Not provided
answer-data-return-on-request-yes = Possible
answer-data-return-on-request-no = Not possible

expect-deletion-at-contract-end-yes = erased when the contract ends
expect-deletion-at-contract-end-no = kept after the contract ends
expect-deletion-certificate-yes = a written confirmation of deletion is provided
expect-deletion-certificate-no = no written confirmation of deletion is provided
expect-data-return-on-request-yes = handed back on request
expect-data-return-on-request-no = not handed back

fact-deletion-at-contract-end-yes = the data is erased when the contract ends
fact-deletion-at-contract-end-no = the data is not erased when the contract ends
fact-deletion-certificate-yes = a written confirmation of deletion is provided
fact-deletion-certificate-no = no written confirmation of deletion is provided
fact-data-return-on-request-yes = the data can be handed back on request
fact-data-return-on-request-no = the data cannot be handed back on request
