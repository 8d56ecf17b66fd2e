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
fact-deletion-at-contract-end-documented-yes = deleting the instance erases this data
fact-deletion-certificate-yes = a written confirmation of deletion is provided
fact-deletion-certificate-no = no written confirmation of deletion is provided
fact-data-return-on-request-yes = the data can be handed back on request
fact-data-return-on-request-no = the data cannot be handed back on request

# Selective retention: a requirement's scope observed on the bucket.
observe-s3-retention-rule-scope = Lifecycle rule { $rule } expires the objects { $kind ->
        [tag] tagged { $scope }
       *[prefix] under prefix { $scope }
    } in bucket { $bucket } { $days } days after creation.
observe-s3-retention-none-scope = No enabled lifecycle rule expires every object { $kind ->
        [tag] tagged { $scope }
       *[prefix] under prefix { $scope }
    } in bucket { $bucket }, so those objects are kept until someone deletes them.
observe-s3-scope-legal-hold = Object Lock is enabled on the bucket, so a legal hold can keep single object versions past any lifecycle rule until it is removed. Legal holds are set per object version, and no bucket-level call shows them.
observe-s3-scope-no-lock = Object Lock is not enabled on the bucket, so no legal hold can keep these objects: how long they stay rests on the lifecycle rules alone.
scope-tag = objects tagged "{ $scope }"
scope-prefix = objects under prefix "{ $scope }"
expect-with-scope = { $expect } (only { $scope })
observe-s3-scope-shorter-wins = Rule { $short } covers these objects too and expires them sooner than rule { $long }: where expiration rules overlap, S3 honours the shorter one. Objects kept longer need a prefix the shorter rule does not cover.
scope-needs-live = A subset's retention is judged from the bucket's lifecycle rules read live (`shoko collect`); a declared retention speaks of the whole category, so it is not used for the subset.
