# Property names, values, statuses and evidence (English)

property-region = Region
property-storage = Storage
property-retention = Retention
property-retention-configurable = Retention can be changed
property-deletion-on-request = Deletion on request
property-deletion-on-instance-delete = Removed when the instance is deleted
property-encryption-at-rest = Encryption at rest
property-encryption-at-rest-key = Key for encryption at rest
property-encryption-in-transit = Encryption in transit
property-access-control = Access control
property-pii = Personal data
property-sensitive-input-logged = Sensitive input in logs
property-data-access-logged = Reads and deletions logged

status-met = Met
status-gap = Gap
status-review = Review
status-unverified = Unverified
status-not-applicable = Not applicable

remedy-configure = Configure
remedy-design = Design
remedy-negotiate = Negotiate

priority-must = Must
priority-should = Should
priority-may = May

provenance-observed = Observed
provenance-declared = Declared
provenance-documented = Documented
provenance-derived = Derived

category-all = All categories

value-yes = Yes
value-no = No
value-instance-region = the instance's Region
value-instance-lifetime = as long as the instance exists
value-customer-defined = set by your configuration
value-not-applicable = not applicable

key-aws-owned = AWS owned key
key-aws-managed = AWS managed key
key-customer-managed = customer managed key (CMK)

duration-never = never expires
duration-year = 1 year
duration-years = { $n } years
duration-month = 1 month
duration-months = { $n } months
duration-week = 1 week
duration-weeks = { $n } weeks
duration-day = 1 day
duration-days = { $n } days
duration-hour = 1 hour
duration-hours = { $n } hours
duration-minute = 1 minute
duration-minutes = { $n } minutes
duration-second = 1 second
duration-seconds = { $n } seconds
duration-joiner = {" "}

expect-at-least = at least { $value }
expect-at-most = at most { $value }
expect-is = { $value }
expect-one-of = one of { $values }
list-joiner = {", "}
condition-joiner = {" "}and{" "}
sentence-joiner = {" "}

evidence-documented = the AWS documentation
evidence-derived = the instance's Region
evidence-derived-rule = a general AWS rule (derived)
evidence-declared = the operator's declaration
evidence-observed = a live AWS API call ({ $observation })
evidence-flows = { $origin ->
        [live] the analysis of { $count } flows fetched from the instance
       *[files] the analysis of { $count } exported flows
    }

verdict-met = According to { $evidence }, { $fact }, which meets the requirement ({ $expect }).
verdict-gap = According to { $evidence }, { $fact }, which does not meet the requirement ({ $expect }).
verdict-caveat = Caveat: { $caveat }
verdict-fallback = Live evidence was not available, so this rests on the next tier of evidence ({ $reason }).
claim-fallback = Live evidence unavailable: { $reason }.

remedy-configure-how = Remedy (configure): { $how }
remedy-design-how = Remedy (design): { $how }
remedy-negotiate-how = Remedy (negotiate): { $how }
remedy-negotiate-fixed = The service fixes this value and no setting changes it, so the requirement itself needs to be discussed.
remedy-meeting-values = Settings that meet the requirement: { $values }.
remedy-meeting-range = Any setting from { $low } to { $high } meets the requirement.
remedy-meeting-any = Any number of days can be set, so choose one that fits the requirement.

reason-no-evidence = There is no evidence for this property yet. Declare it in the answers file or collect live evidence.
reason-undocumented = The AWS documentation does not settle this point, so it stays unverified.
reason-stale = The live observation is older than its freshness limit, so it is treated as unverified. Collect it again.
reason-depends-on-config = The { $property } depends on your own configuration. Declare the actual setting in the answers file, or collect it with shoko collect.
reason-declare-only = The { $property } depends on your own settings or procedures, which no AWS call shows. Declare it in the answers file.
reason-scope-unobserved = The requirement ({ $expect }) concerns only some of the objects.
reason-instance-region-unknown = This data is kept in the instance's Region, which is not known. Declare the region of contact-center-data.
reason-not-applicable = This property does not apply to this category.
reason-media-protocol = According to { $evidence }, { $fact }. Voice media is protected by SRTP rather than TLS, so it cannot be checked mechanically against the requirement ({ $expect }); please decide whether SRTP satisfies it.
reason-free-text = The { $property } is described in words, so whether it meets the requirement ({ $expect }) needs a person's judgement.
reason-instance-lifetime = According to { $evidence }, { $fact }: the data stays until the instance is deleted, so whether that meets the requirement ({ $expect }) depends on your operating policy.
reason-calendar-band = According to { $evidence }, { $fact }. Whether that meets the requirement ({ $expect }) depends on the start date, since calendar months and years vary in length; { $always } would meet it for any start date.
reason-conditional = According to { $evidence }, { $fact }. That meets the requirement ({ $expect }) only under a condition the evidence does not show (the caveat that follows); please confirm it.
reason-ambiguous = The { $property } ({ $value }) and the requirement ({ $expect }) use units that cannot be compared exactly; please check by hand.

# Flow analysis
section-flows = Flow analysis: sensitive input and flow logs
section-sources-flows = Flows analysed
col-flow = Flow
col-block = Block
col-finding = Finding
col-path = Path
flows-errors = Flows that could not be read (the others were still analysed)
label-from-default = rests on the assumed default
flow-claim-logged = Of the { $flows } { $origin ->
        [live] flows fetched from the instance
       *[files] exported flows analysed
    }, { $logged } handle sensitive customer input while flow logging is on ({ $findings } findings; see the flow analysis).
flow-claim-safe = None of the { $flows } { $origin ->
        [live] flows fetched from the instance
       *[files] exported flows analysed
    } handles sensitive customer input while flow logging is on.
flow-default-enabled = Flows not entered from another flow of the set were analysed as starting with the instance's flow logging setting (CONTACTFLOW_LOGS: enabled).
flow-default-disabled = Flows not entered from another flow of the set were analysed as starting with the instance's flow logging setting (CONTACTFLOW_LOGS: disabled).
flow-default-enabled-assumed = The instance's flow logging setting was not known, so it was taken to be enabled, the default for new instances. Please check the actual setting (CONTACTFLOW_LOGS).
flow-default-disabled-assumed = The instance's flow logging setting was not known, so it was taken to be disabled. Please check the actual setting (CONTACTFLOW_LOGS).
flow-verdict-logged = Sensitive input may reach the logs
flow-verdict-safe = No sensitive input logged
flow-kind-stored-input-unencrypted = Stores customer input unencrypted
flow-kind-lambda-receives-sensitive = Passes sensitive values to Lambda
flow-kind-attribute-stores-sensitive = Copies sensitive values into contact attributes
flow-remedy-stored-input-unencrypted = Put a Set logging behavior block set to Disabled before this block, or encrypt the input.
flow-remedy-lambda-receives-sensitive = Turn logging off before this block: flow logs record what is sent to and received from Lambda.
flow-remedy-attribute-stores-sensitive = Turn logging off before this block, or keep sensitive values out of contact attributes.

status-with-strength = { $status } ({ $strength })
reason-condition-unshown = According to { $evidence }, { $fact }, but that meets the requirement ({ $expect }) only if { $condition }, which the evidence does not show; it is marked for review.
condition-s3-versioning-object-lock = the bucket has S3 Versioning off (or a rule expiring noncurrent versions) and no S3 Object Lock retention holds the objects
condition-my-connect-domain = users reach the instance through the `*.my.connect.aws` domain
condition-exit-deletes-instance = the exit procedure deletes the instance when the contract ends
caveat-s3-async-expiry = S3 queues objects whose lifecycle expiration has passed and removes them asynchronously, so removal may come some time after the expiration date.
verdict-see-conflict = This requirement cannot hold together with another one (see conflict [C{ $n }]).

# Yes/no properties, worded per property: the value as a table shows it
# (answer-), a requirement (expect-) and a statement (fact-).
fact-is = the { $property } is { $value }
answer-retention-configurable-yes = Can be changed
answer-retention-configurable-no = Fixed
answer-deletion-on-request-yes = Possible
answer-deletion-on-request-no = Not possible
answer-deletion-on-instance-delete-yes = Removed
answer-deletion-on-instance-delete-no = Not removed
answer-encryption-at-rest-yes = Encrypted
answer-encryption-at-rest-no = Not encrypted
answer-pii-yes = Included
answer-pii-no = Not included
answer-sensitive-input-logged-yes = Logged
answer-sensitive-input-logged-no = Not logged
answer-data-access-logged-yes = Logged
answer-data-access-logged-no = Not logged
answer-personal-data-logged-yes = Logged
answer-personal-data-logged-no = Not logged
expect-retention-configurable-yes = the retention period can be changed
expect-retention-configurable-no = the retention period is fixed
expect-deletion-on-request-yes = individual items can be deleted on request
expect-deletion-on-request-no = individual items cannot be deleted on request
expect-deletion-on-instance-delete-yes = removed when the instance is deleted
expect-deletion-on-instance-delete-no = kept when the instance is deleted
expect-encryption-at-rest-yes = encrypted at rest
expect-encryption-at-rest-no = not encrypted at rest
expect-pii-yes = includes personal data
expect-pii-no = includes no personal data
expect-sensitive-input-logged-yes = sensitive input is logged
expect-sensitive-input-logged-no = sensitive input is not logged
expect-data-access-logged-yes = reads and deletions are logged
expect-data-access-logged-no = reads and deletions are not logged
expect-personal-data-logged-yes = personal data is logged
expect-personal-data-logged-no = personal data is not logged
fact-retention-configurable-yes = the retention period can be changed
fact-retention-configurable-no = the retention period is fixed and no setting changes it
fact-deletion-on-request-yes = individual items can be deleted on request
fact-deletion-on-request-no = individual items cannot be deleted on request
fact-deletion-on-instance-delete-yes = the data is removed when the instance is deleted
fact-deletion-on-instance-delete-no = the data is not removed when the instance is deleted
fact-encryption-at-rest-yes = the data is encrypted at rest
fact-encryption-at-rest-no = the data is not encrypted at rest
fact-pii-yes = the data includes personal data
fact-pii-no = the data includes no personal data
fact-sensitive-input-logged-yes = sensitive customer input is written to the logs
fact-sensitive-input-logged-no = sensitive customer input is not written to the logs
fact-data-access-logged-yes = reads and deletions of the data are logged
fact-data-access-logged-no = reads and deletions of the data are not logged
fact-personal-data-logged-yes = personal data is written to the logs
fact-personal-data-logged-no = personal data is not written to the logs
verdict-see-remedy-clash = This requirement's remedy and another requirement pull against each other (see [C{ $n }]).
