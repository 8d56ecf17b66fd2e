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
