# Audit logs and access control: what a snapshot shows of the CloudTrail
# trails (src/observe/trail.rs). Arguments from responses are already
# escaped for Markdown.

## Audit logs (AWS CloudTrail).
trail-none = DescribeTrails (shadow trails included) shows no trail in { $region }: only the event history records events, 90 days of management events, and reading or deleting recordings in S3 (data events) is not recorded.
trail-data-logged = Trail { $trail } is logging and its event selectors record S3 data events, reads and writes, for every call recording in bucket { $bucket }: who read or deleted a recording is in the audit log.
trail-data-not-logged = No logging trail records S3 data events, both reads and writes, for the call recordings in bucket { $bucket } (trails: { $trails }): reading and deleting recordings is not in the audit log. Amazon Connect API calls are still recorded as management events.
trail-not-logging = Trail { $trail } selects the recordings' data events but is not logging (GetTrailStatus IsLogging false).
trail-data-reads-only = Trail { $trail } records only reads of the recordings (ReadOnly), not writes and deletions.
trail-data-writes-only = Trail { $trail } records only writes and deletions of the recordings (WriteOnly), not reads.
trail-data-partial = Trail { $trail } has selectors that record only part of the recordings' data events ({ $selectors }); review whether they cover the requirement.
trail-scope-multi = a multi-Region trail whose home Region is { $home }
trail-scope-single = a single-Region trail in { $home }
trail-region = Trail { $trail }, { $scope }, delivers its log files to bucket { $bucket }, located in { $region }.
trail-retention-rule = Trail { $trail } delivers to bucket { $bucket }, whose lifecycle rule expires log files under { $prefix } { $days } days after creation.
trail-retention-rule-versioned = Trail { $trail } delivers to bucket { $bucket }, whose lifecycle rule expires log files under { $prefix } after { $days } days; the bucket is versioned, so expired files stay { $noncurrent } more days as noncurrent versions.
trail-retention-versioned-forever = Trail { $trail } delivers to bucket { $bucket }, whose lifecycle rule expires log files after { $days } days; the bucket is versioned and no rule expires noncurrent versions, so the files are never removed.
trail-retention-none = Trail { $trail } delivers to bucket { $bucket }, and no enabled lifecycle rule expires log files under { $prefix }: they are kept until someone deletes them.
trail-key = Trail { $trail } encrypts its log files with KMS key { $key } (SSE-KMS), which is { $owner }.
trail-key-sse-s3 = Trail { $trail } names no KMS key, so its log files are encrypted with SSE-S3 (keys owned and managed by Amazon S3).

## Access control: how users sign in, second factors, downloads.
property-access-control-authentication = Sign-in method
property-access-control-mfa = Multi-factor authentication
property-access-control-download = Users can download
identity-connect-managed = users and passwords kept in Amazon Connect
identity-existing-directory = the buyer's existing directory (AWS Directory Service)
identity-saml = the buyer's identity provider (SAML 2.0)
identity-quoted = “{ $label }”
answer-access-control-mfa-yes = Required
answer-access-control-mfa-no = Not required
answer-access-control-download-yes = Allowed
answer-access-control-download-no = Not allowed
expect-access-control-mfa-yes = signing in takes a second factor
expect-access-control-mfa-no = signing in takes no second factor
expect-access-control-download-yes = users can download the data
expect-access-control-download-no = users cannot download the data
fact-access-control-mfa-yes = signing in takes a second factor (multi-factor authentication)
fact-access-control-mfa-no = signing in takes no second factor
fact-access-control-download-yes = users can download the data
fact-access-control-download-no = no user can download the data

## Observed: identity management and downloads.
access-identity = DescribeInstance shows identity management type { $type } for instance { $name }.
access-identity-fixed = The identity management type is chosen when the instance is created and cannot be changed afterwards: changing it takes a new instance.
access-download-holders = Security profiles that show the button to download recordings or transcripts: { $names }.
access-download-none = No security profile holds a permission that shows a download button for recordings or transcripts.
access-download-condition = AWS documents that the download-button permissions only show the button: users who can access recordings ({ $names }) might still be able to download them.
