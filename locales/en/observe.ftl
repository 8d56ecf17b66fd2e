# Observed claims: what a snapshot of live AWS responses shows (src/observe/).
# Arguments that come from responses are already escaped for Markdown.

## A KMS key's owner inside a sentence ($owner in the messages below).
observe-key-customer-managed = a customer managed key
observe-key-aws-managed = an AWS managed key
observe-key-aws-owned = an AWS owned key
observe-key-state = KMS key { $key } is in state { $state }; data under a key that is not enabled cannot be decrypted.
observe-key-rotation-off = Automatic rotation of KMS key { $key } is off.

## Combining instances.
observe-same-value = The same value was observed in: { $instances }
observe-instance-unreadable = Could not be read for instance { $instance }: { $reason }

## Amazon Connect: the instance, its storage configs, its security profiles.
observe-instance-region = The Region in the ARN of instance { $name } (id { $id }); data kept in the instance is stored there.
observe-storage-none-value = No storage config ({ $type }): the instance does not store this data in the customer's account.
observe-storage-none = Instance { $name } has no storage config for resource type { $type }.
observe-profiles-value = { $count } security profile(s) ({ $names })
observe-profiles = What the users of instance { $name } can reach is governed by the permissions of these security profiles.
observe-unredacted-recordings = Security profiles that can play unredacted call recordings (CallRecordings.Unredacted.Access, or the legacy ListenCallRecordings): { $names }.
observe-unredacted-recordings-none = No security profile holds a permission to play unredacted call recordings (CallRecordings.Unredacted.Access, ListenCallRecordings).
observe-unredacted-transcripts = Security profiles that can read unredacted contact transcripts (ContactTranscripts.Unredacted.Access, or the legacy ListenCallRecordings): { $names }.
observe-unredacted-transcripts-none = No security profile holds a permission to read unredacted contact transcripts (ContactTranscripts.Unredacted.Access, ListenCallRecordings).
observe-unredacted-unknown = Which security profiles can reach unredacted recordings and transcripts is not known: their permissions could not be read ({ $reason }).

## S3: storage, Region, encryption.
observe-s3-storage-value = S3 bucket { $bucket }, prefix { $prefix }
observe-s3-storage = The { $type } storage config names this bucket and prefix.
observe-s3-region = Bucket { $bucket } is located in { $region }.
observe-s3-key-config = The storage config names KMS key { $key }, which is { $owner }; objects are encrypted with it (SSE-KMS).
observe-s3-default-note = The storage config names no KMS key, so this rests on the bucket's default encryption.
observe-s3-default-kms-key = Bucket { $bucket } encrypts by default with KMS key { $key }, which is { $owner }.
observe-s3-default-kms = Bucket { $bucket } encrypts by default with SSE-KMS under the AWS managed key aws/s3.
observe-s3-default-sse-s3 = Bucket { $bucket } encrypts by default with SSE-S3 (keys owned and managed by S3).
observe-s3-encrypted-by-config = The storage config names KMS key { $key }, so objects are encrypted with SSE-KMS.

## S3: retention (lifecycle rules, versioning, Object Lock).
observe-s3-retention-none = No enabled lifecycle rule expires objects under prefix { $prefix } in bucket { $bucket }, so the data is kept until someone deletes it.
observe-s3-retention-noncurrent = Lifecycle rule { $rule } expires objects { $days } days after creation. The bucket is versioned, so expired data stays as a noncurrent version for { $noncurrent } more days (NoncurrentVersionExpiration): { $total } days in all.
observe-s3-retention-versioned-forever = Lifecycle rule { $rule } expires objects { $days } days after creation, but the bucket is versioned and no rule sets NoncurrentVersionExpiration: expired or deleted data persists as noncurrent versions indefinitely.
observe-s3-retention-rule = Lifecycle rule { $rule } expires objects under prefix { $prefix } in bucket { $bucket } { $days } days after creation.
observe-s3-versioning-unknown-retention = Versioning could not be read ({ $reason }); if it is on, expired or deleted data persists as noncurrent versions.
observe-s3-versioning-suspended = Versioning is suspended; noncurrent versions made before it was suspended may remain.
observe-s3-lock-governs = { $explain } Object Lock ({ $mode }, { $period }) keeps every object at least that long, so the lock period governs.
observe-s3-lock-on = Object Lock ({ $mode }, { $period }) is on.
observe-s3-lock-unknown = The Object Lock configuration could not be read ({ $reason }).
observe-s3-rule-partial = Lifecycle rule { $rule } applies only to part of this data (a narrower prefix, tags or object size).
observe-s3-rule-dated = Lifecycle rule { $rule } expires objects on a fixed date, not after a period.

## S3: deletion on request.
observe-s3-contact-lens = Contact Lens is on: both the redacted and the unredacted files have to be deleted.
observe-s3-governance = In governance mode, a user with s3:BypassGovernanceRetention can lift the lock and delete.
observe-s3-delete-locked = Bucket { $bucket } has Object Lock on ({ $mode }, default retention { $period }). No object can be deleted before its retention ends, so a request to delete one cannot be honoured until then.
observe-s3-lock-enabled-no-default = Object Lock is enabled on the bucket: an object given its own retention period cannot be deleted until it ends.
observe-s3-delete-versioned-bounded = Objects can be deleted from bucket { $bucket }. The bucket is versioned, so deleted data lingers as a noncurrent version for up to { $days } days (delete every version to erase it at once).
observe-s3-delete-marker = A plain delete only adds a delete marker; the data stays as a noncurrent version, and with no NoncurrentVersionExpiration rule it is never removed unless every version is deleted explicitly.
observe-s3-delete-condition-every-version = A request is honoured only if the deletion process removes every version of the object, not just the current one. A lifecycle rule with NoncurrentVersionExpiration covering prefix { $prefix }, or a documented procedure that deletes every version, would settle it.
observe-s3-delete-versioned = Objects can be deleted from bucket { $bucket }, but the bucket is versioned: each version has to be deleted by version id.
observe-s3-delete-final = Objects can be deleted from bucket { $bucket }; versioning is not on, so a deletion is final.
observe-s3-versioning-unknown-delete = Versioning could not be read ({ $reason }); if it is on, deleted data persists as noncurrent versions.
observe-s3-delete = Objects can be deleted from bucket { $bucket }.

## S3: access (public access block, TLS-only bucket policy).
observe-s3-pab-all = all public access blocked
observe-s3-pab-partial = public access only partly blocked
observe-s3-pab-none = no public access block on the bucket
observe-s3-pab-failed = public access block unknown ({ $reason })
observe-s3-pab-missing = public access block unknown
observe-s3-tls-only = bucket policy denies requests without TLS (aws:SecureTransport)
observe-s3-tls-optional = bucket policy does not require TLS
observe-s3-no-policy = no bucket policy (TLS not required)
observe-s3-policy-failed = bucket policy unknown ({ $reason })
observe-s3-policy-missing = bucket policy unknown
observe-s3-access-value = Security profile permissions inside Connect; S3 bucket { $bucket }: { $pab }, { $tls }
observe-s3-access = Playback and download in the admin website follow security profile permissions; direct access to the bucket follows IAM, the bucket policy and the public access block, which were read from bucket { $bucket }.

## Streams named by a storage config (Kinesis, Firehose).
observe-stream-storage = The storage config names { $what }.
observe-stream-region = ARN { $arn } is in { $region }.

## Kinesis Data Streams.
observe-kinesis-value = Kinesis data stream { $name }
observe-kinesis-retention = Stream { $name } keeps records for { $hours } hours; after that they leave the stream.
observe-kinesis-unencrypted = Stream { $name } has no server-side encryption (EncryptionType NONE).
observe-kinesis-encrypted = Stream { $name } is encrypted server-side with KMS.
observe-kinesis-key = Stream { $name } is encrypted with KMS key { $key }, which is { $owner }.
observe-kinesis-aws-managed = Stream { $name } is encrypted with the AWS managed key aws/kinesis.

## Amazon Data Firehose.
observe-firehose-value = Firehose delivery stream { $name }
observe-firehose-key = Delivery stream { $name } is encrypted with KMS key { $key }, which is { $owner }.
observe-firehose-aws-owned = Delivery stream { $name } is encrypted with an AWS owned key.

## Kinesis Video Streams (media streams).
observe-kvs-value = Kinesis Video Streams, prefix { $prefix }
observe-kvs-storage = The storage config names Kinesis Video Streams.
observe-kvs-retention-zero = Retention is 0 hours: media is not persisted in the stream.
observe-kvs-retention = Media streams are kept for { $hours } hours.
observe-kvs-key = Media streams are encrypted with KMS key { $key }, which is { $owner }.

## Flow logs (CloudWatch Logs).
observe-flow-logs-off-value = Flow logging is off (CONTACTFLOW_LOGS=false)
observe-flow-logs-off = Flow logging is off for instance { $name }, so no flow logs are written.
observe-log-group-region = Log group { $group } is in { $region }.
observe-log-group-retention = Log group { $group } keeps events for { $days } days (deletion may lag up to 72 hours).
observe-log-group-never = Log group { $group } has no retentionInDays, so its events never expire.
observe-log-group-key = Log group { $group } is encrypted with KMS key { $key }, which is { $owner }.
observe-log-group-service-key = Log group { $group } has no kmsKeyId, so CloudWatch Logs encrypts it with keys the service owns.

## Contact Lens outputs (flows that turn analytics on; lifecycle rules on their folders).
observe-cl-none-value = No fetched flow turns Contact Lens analytics on
observe-cl-none = None of the { $count } flows and modules fetched from instance { $name } has a block that turns Contact Lens analytics on (UpdateContactRecordingAndAnalyticsBehavior, UpdateContactRecordingBehavior).
observe-cl-none-caveat = Flows added after the collection, or analysis started through the API (StartContactConversationalAnalyticsJob), are not shown here.
observe-cl-original-kept-value = Contact Lens on: the original (unredacted) output is kept
observe-cl-redacted-only-value = Contact Lens on: only the redacted output is kept
observe-cl-storage = Flow blocks of instance { $name } that turn Contact Lens analytics on (flow / block (output folder): redaction): { $blocks }. The original transcript is written under Analysis/Voice/ (Chat, Email) and the redacted output under …/Redacted/, from the bucket root; the unredacted audio is the call recording itself.
observe-cl-redaction-off = no redaction (original output only)
observe-cl-redaction-only = redacted output only (RedactedOnly)
observe-cl-redaction-both = redacted and original output (RedactedAndOriginal)
observe-cl-redaction-unknown = redaction on, results { $value } (set dynamically or not set: the original may be kept)
observe-cl-retention-none = No enabled lifecycle rule of bucket { $bucket } expires objects under { $prefix }, so this Contact Lens output is kept until someone deletes it.
observe-cl-retention-rule = Lifecycle rule { $rule } expires the Contact Lens output under { $prefix } in bucket { $bucket } { $days } days after creation.
observe-cl-retention-noncurrent = Lifecycle rule { $rule } expires the Contact Lens output under { $prefix } in bucket { $bucket } { $days } days after creation; the bucket is versioned, so it stays as a noncurrent version until { $total } days in all.
observe-cl-retention-versioned = Lifecycle rule { $rule } expires the Contact Lens output under { $prefix } in bucket { $bucket } { $days } days after creation, but the bucket is versioned with no NoncurrentVersionExpiration rule for it, so expired output stays as a noncurrent version indefinitely.
observe-cl-recordings-rule = Lifecycle rule { $rule } covers the recordings prefix { $recordings } but not { $prefix }: Contact Lens writes its output from the bucket root, not under the recordings prefix.

## Analytics data lake sharing (ListAnalyticsDataAssociations)
observe-lake-none-value = Not shared with another account
observe-lake-none = ListAnalyticsDataAssociations for instance { $name } lists no data lake data set shared with an AWS account.
observe-lake-shared-value = Shared with { $count } AWS account(s): { $accounts }
observe-lake-shared = Instance { $name } shares analytics data lake data sets with other AWS accounts (data set → target account (resource share status)): { $shares }.
observe-lake-shared-caveat = A shared data set is read from the target account (AWS RAM and Lake Formation): the data leaves the instance's account, and who reads it there is governed by that account's permissions. The lake's rolling 25-month window applies to shared data as well.

## Customer Profiles (ListAccountIntegrations, GetDomain)
observe-cp-none-value = No Customer Profiles domain is associated with the instance
observe-cp-none = ListAccountIntegrations with the ARN of instance { $name } as URI lists no integration, so no Customer Profiles domain is associated with it.
observe-cp-domain-value = Customer Profiles domain { $domain }
observe-cp-domain = Instance { $name } is associated with Customer Profiles domain { $domain } (the integration whose URI is the instance ARN).
observe-cp-retention = Domain { $domain } has DefaultExpirationDays { $days }: a profile is removed { $days } days after its last update.
observe-cp-retention-caveat = The days count from the last update, not from creation.
observe-cp-types-unknown = The domain's object types are unknown ({ $reason }): an object type's own ExpirationDays or EncryptionKey would take precedence for its objects.
observe-cp-type-unread = The settings of object type { $type } are unknown ({ $reason }): its own ExpirationDays or EncryptionKey would take precedence for its objects.
observe-cp-type-days-shorter = Object type { $type } has its own ExpirationDays { $days }, shorter than the domain default of { $default } days: the data in its objects expires after { $days } days.
observe-cp-type-days-longer = Object type { $type } has its own ExpirationDays { $days }, longer than the domain default of { $default } days: the data in its objects expires after { $days } days.
observe-cp-types-none = The domain has no object type: the default applies to all its profiles.
observe-cp-types-default = None of the domain's { $count } object type(s) sets its own ExpirationDays different from the default: the default applies to all.
observe-cp-type-entry = { $type } ({ $days } days)
observe-cp-types-condition = Object types { $types } keep their objects for their own number of days, not the domain default: a requirement the default meets holds for their objects only if those days meet it too.
observe-cp-type-key = Object type { $type } encrypts its objects with its own key { $key } (EncryptionKey), not the domain's.
observe-cp-key-cmk = Domain { $domain } encrypts its data with the customer managed key { $key } (DefaultEncryptionKey).
observe-cp-key-default = Domain { $domain } has no DefaultEncryptionKey, so its data is encrypted with an AWS managed key.

## Contact Lens from exported flows (build --flows DIR)
observe-cl-exported = Blocks of the exported flows that turn Contact Lens analytics on (flow / block (output folder): redaction): { $blocks }. The original transcript is written under Analysis/Voice/ (Chat, Email) and the redacted output under …/Redacted/, from the bucket root; the unredacted audio is the call recording itself.
observe-cl-exported-bucket = Exported flows do not show which bucket receives the outputs or its lifecycle rules, so how long the outputs are kept is not known from them: collect the instance (--live or --evidence), or declare it.
