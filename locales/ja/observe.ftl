# Observed claims: what a snapshot of live AWS responses shows (src/observe/).
# Arguments that come from responses are already escaped for Markdown.

## A KMS key's owner inside a sentence ($owner in the messages below).
observe-key-customer-managed = 顧客管理キー
observe-key-aws-managed = AWSマネージドキー
observe-key-aws-owned = AWS所有キー
observe-key-state = KMSキー { $key } の状態は { $state } です。有効でないキーではデータを復号できません。
observe-key-rotation-off = KMSキー { $key } の自動ローテーションは無効です。

## Combining instances.
observe-same-value = 同じ値を次のインスタンスで確認しました: { $instances }
observe-instance-unreadable = インスタンス { $instance } では取得できませんでした: { $reason }

## Amazon Connect: the instance, its storage configs, its security profiles.
observe-instance-region = インスタンス { $name }（ID { $id }）のARNが示すリージョンです。インスタンス内のデータはこのリージョンに保存されます。
observe-storage-none-value = ストレージ設定なし（{ $type }）: このインスタンスはこのデータをお客様のアカウントに保存していません。
observe-storage-none = インスタンス { $name } には、リソースタイプ { $type } のストレージ設定がありません。
observe-profiles-value = セキュリティプロファイル { $count } 件で制御（{ $names }）
observe-profiles = インスタンス { $name } のユーザーが何にアクセスできるかは、これらのセキュリティプロファイルの権限で決まります。
observe-unredacted-recordings = 秘匿化されていない通話録音を再生できるセキュリティプロファイル（CallRecordings.Unredacted.Access、または従来の ListenCallRecordings）：{ $names }。
observe-unredacted-recordings-none = 秘匿化されていない通話録音を再生する権限（CallRecordings.Unredacted.Access、ListenCallRecordings）を持つセキュリティプロファイルはありません。
observe-unredacted-transcripts = 秘匿化されていない問い合わせのトランスクリプトを閲覧できるセキュリティプロファイル（ContactTranscripts.Unredacted.Access、または従来の ListenCallRecordings）：{ $names }。
observe-unredacted-transcripts-none = 秘匿化されていない問い合わせのトランスクリプトを閲覧する権限（ContactTranscripts.Unredacted.Access、ListenCallRecordings）を持つセキュリティプロファイルはありません。
observe-unredacted-unknown = 秘匿化されていない録音やトランスクリプトにどのセキュリティプロファイルがアクセスできるかは不明です。権限を取得できませんでした（{ $reason }）。

## S3: storage, Region, encryption.
observe-s3-storage-value = S3バケット { $bucket }（プレフィックス { $prefix }）
observe-s3-storage = ストレージ設定（{ $type }）が、このバケットとプレフィックスを指定しています。
observe-s3-region = バケット { $bucket } の所在リージョンは { $region } です。
observe-s3-key-config = ストレージ設定がKMSキー { $key } を指定しており、このキーは{ $owner }です。オブジェクトはこのキーでSSE-KMS暗号化されます。
observe-s3-default-note = ストレージ設定にはKMSキーの指定がないため、バケットの既定の暗号化設定を根拠にしています。
observe-s3-default-kms-key = バケット { $bucket } の既定の暗号化はKMSキー { $key }（{ $owner }）を使います。
observe-s3-default-kms = バケット { $bucket } の既定の暗号化はSSE-KMS（AWSマネージドキー aws/s3）です。
observe-s3-default-sse-s3 = バケット { $bucket } の既定の暗号化はSSE-S3（S3が管理するキー）です。
observe-s3-encrypted-by-config = ストレージ設定がKMSキー { $key } を指定しているため、オブジェクトはSSE-KMSで暗号化されます。

## S3: retention (lifecycle rules, versioning, Object Lock).
observe-s3-retention-none = バケット { $bucket } のプレフィックス { $prefix } に適用される有効な失効ルールがないため、データは削除されるまで保持されます。
observe-s3-retention-noncurrent = ライフサイクルルール { $rule } がオブジェクトを作成から{ $days }日後に失効させます。バケットはバージョニングが有効なため、失効したデータは非現行バージョンとしてさらに{ $noncurrent }日残り（NoncurrentVersionExpiration）、合計{ $total }日保持されます。
observe-s3-retention-versioned-forever = ライフサイクルルール { $rule } は作成から{ $days }日後にオブジェクトを失効させますが、バケットはバージョニングが有効で、非現行バージョンを削除するルール（NoncurrentVersionExpiration）がありません。失効・削除したデータは非現行バージョンとして無期限に残ります。
observe-s3-retention-rule = ライフサイクルルール { $rule } が、バケット { $bucket } のプレフィックス { $prefix } のオブジェクトを作成から{ $days }日後に失効させます。
observe-s3-versioning-unknown-retention = バージョニング設定を取得できませんでした（{ $reason }）。有効な場合、失効・削除したデータは非現行バージョンとして残ります。
observe-s3-versioning-suspended = バージョニングは停止中です。停止前に作られた非現行バージョンは残っている可能性があります。
observe-s3-lock-governs = { $explain } ただしオブジェクトロック（{ $mode }、{ $period }）により、各オブジェクトはその期間が終わるまで削除できないため、少なくともその期間保持されます。
observe-s3-lock-on = オブジェクトロック（{ $mode }、{ $period }）が有効です。
observe-s3-lock-unknown = オブジェクトロック設定を取得できませんでした（{ $reason }）。
observe-s3-rule-partial = ライフサイクルルール { $rule } は、このデータの一部（より狭いプレフィックス、タグ、サイズ）にだけ適用されます。
observe-s3-rule-dated = ライフサイクルルール { $rule } は固定の日付で失効させます（期間ではありません）。

## S3: deletion on request.
observe-s3-contact-lens = Contact Lensが有効です。秘匿化済みと未秘匿化の両方のファイルを削除する必要があります。
observe-s3-governance = ガバナンスモードでは、s3:BypassGovernanceRetention 権限を持つユーザーはロックを解除して削除できます。
observe-s3-delete-locked = バケット { $bucket } はオブジェクトロック（{ $mode }、既定の保持期間 { $period }）が有効です。各オブジェクトは保持期間が終わるまで削除できないため、個別の削除依頼にはその期間が過ぎるまで応じられません。
observe-s3-lock-enabled-no-default = バケットでオブジェクトロックが有効です。個別に保持期間を設定されたオブジェクトは、その期間が終わるまで削除できません。
observe-s3-delete-versioned-bounded = オブジェクトはバケット { $bucket } から削除できます。バージョニングが有効なため、削除したデータは非現行バージョンとして最大{ $days }日残ってから消えます（すぐに消すには全バージョンを削除します）。
observe-s3-delete-marker = 通常の削除は削除マーカーを付けるだけで、データは非現行バージョンとして残ります。NoncurrentVersionExpiration ルールがないため、全バージョンを明示的に削除しない限り消えません。
observe-s3-delete-condition-every-version = 削除依頼に応じたと言えるのは、削除手順が現行バージョンだけでなくオブジェクトの全バージョンを削除する場合に限られます。プレフィックス { $prefix } を対象とする NoncurrentVersionExpiration のライフサイクルルール、または全バージョンを削除する文書化された手順があれば確認できます。
observe-s3-delete-versioned = オブジェクトはバケット { $bucket } から削除できますが、バージョニングが有効なため、各バージョンを指定して削除する必要があります。
observe-s3-delete-final = オブジェクトはバケット { $bucket } から削除できます。バージョニングは有効ではないため、削除すると元に戻りません。
observe-s3-versioning-unknown-delete = バージョニング設定を取得できませんでした（{ $reason }）。有効な場合、削除したデータは非現行バージョンとして残ります。
observe-s3-delete = オブジェクトはバケット { $bucket } から削除できます。

## S3: access (public access block, TLS-only bucket policy).
observe-s3-pab-all = パブリックアクセスはすべてブロック
observe-s3-pab-partial = パブリックアクセスのブロックは一部のみ
observe-s3-pab-none = バケットにパブリックアクセスブロック設定なし
observe-s3-pab-failed = パブリックアクセスブロックは不明（{ $reason }）
observe-s3-pab-missing = パブリックアクセスブロックは不明
observe-s3-tls-only = バケットポリシーでTLS以外の要求を拒否（aws:SecureTransport）
observe-s3-tls-optional = バケットポリシーにTLS必須の条件なし
observe-s3-no-policy = バケットポリシーなし（TLS必須の条件なし）
observe-s3-policy-failed = バケットポリシーは不明（{ $reason }）
observe-s3-policy-missing = バケットポリシーは不明
observe-s3-access-value = Connect内はセキュリティプロファイルの権限、S3バケット { $bucket }: { $pab }、{ $tls }
observe-s3-access = 管理画面での再生・ダウンロードはセキュリティプロファイルの権限で、バケットへの直接アクセスはIAM、バケットポリシー、パブリックアクセスブロックで制御されます。バケット { $bucket } の設定を実測しました。

## Streams named by a storage config (Kinesis, Firehose).
observe-stream-storage = ストレージ設定が { $what } を指定しています。
observe-stream-region = ARN { $arn } が示すリージョンは { $region } です。

## Kinesis Data Streams.
observe-kinesis-value = Kinesisデータストリーム { $name }
observe-kinesis-retention = ストリーム { $name } の保持期間は{ $hours }時間です。その後、レコードはストリームから消えます。
observe-kinesis-unencrypted = ストリーム { $name } はサーバー側暗号化が無効です（EncryptionType NONE）。
observe-kinesis-encrypted = ストリーム { $name } はKMSでサーバー側暗号化されています。
observe-kinesis-key = ストリーム { $name } はKMSキー { $key }（{ $owner }）で暗号化されています。
observe-kinesis-aws-managed = ストリーム { $name } はAWSマネージドキー aws/kinesis で暗号化されています。

## Amazon Data Firehose.
observe-firehose-value = Firehose配信ストリーム { $name }
observe-firehose-key = 配信ストリーム { $name } はKMSキー { $key }（{ $owner }）で暗号化されています。
observe-firehose-aws-owned = 配信ストリーム { $name } はAWS所有キーで暗号化されています。

## Kinesis Video Streams (media streams).
observe-kvs-value = Kinesis Video Streams（プレフィックス { $prefix }）
observe-kvs-storage = ストレージ設定がKinesis Video Streamsを指定しています。
observe-kvs-retention-zero = 保持期間が0時間のため、メディアはストリームに保存されません。
observe-kvs-retention = メディアストリームの保持期間は{ $hours }時間です。
observe-kvs-key = メディアストリームはKMSキー { $key }（{ $owner }）で暗号化されます。

## Flow logs (CloudWatch Logs).
observe-flow-logs-off-value = フローログは無効（CONTACTFLOW_LOGS=false）
observe-flow-logs-off = インスタンス { $name } ではフローログが無効なため、フローログは書き込まれません。
observe-log-group-region = ロググループ { $group } はリージョン { $region } にあります。
observe-log-group-retention = ロググループ { $group } の保持期間は{ $days }日です（削除は最大72時間遅れることがあります）。
observe-log-group-never = ロググループ { $group } に保持期間の設定（retentionInDays）がないため、ログは失効しません。
observe-log-group-key = ロググループ { $group } はKMSキー { $key }（{ $owner }）で暗号化されています。
observe-log-group-service-key = ロググループ { $group } にKMSキーの関連付け（kmsKeyId）がないため、CloudWatch Logsが管理するキーで暗号化されます。

## Contact Lens outputs (flows that turn analytics on; lifecycle rules on their folders).
observe-cl-none-value = 取得したフローにContact Lensの分析を有効にするものはありません
observe-cl-none = インスタンス { $name } から取得したフローとモジュール { $count } 件のいずれにも、Contact Lensの分析を有効にするブロック（UpdateContactRecordingAndAnalyticsBehavior、UpdateContactRecordingBehavior）はありません。
observe-cl-none-caveat = 取得後に追加されたフローや、API（StartContactConversationalAnalyticsJob）で開始した分析はここには表れません。
observe-cl-original-kept-value = Contact Lens有効: 元の（秘匿化されていない）分析結果が保存されます
observe-cl-redacted-only-value = Contact Lens有効: 秘匿化済みの分析結果だけが保存されます
observe-cl-storage = インスタンス { $name } でContact Lensの分析を有効にしているフローのブロック（フロー / ブロック（出力フォルダ）: 秘匿化）: { $blocks }。元の文字起こしはバケットのルートからの Analysis/Voice/（Chat、Email）に、秘匿化済みの出力は …/Redacted/ に書き込まれます。秘匿化されていない音声は通話録音そのものです。
observe-cl-redaction-off = 秘匿化なし（元の分析結果のみ）
observe-cl-redaction-only = 秘匿化済みのみ（RedactedOnly）
observe-cl-redaction-both = 秘匿化済みと元の分析結果の両方（RedactedAndOriginal）
observe-cl-redaction-unknown = 秘匿化は有効、結果の指定は { $value }（動的な指定または未指定のため、元の分析結果が保存される可能性があります）
observe-cl-retention-none = バケット { $bucket } には { $prefix } のオブジェクトを失効させる有効なライフサイクルルールがないため、このContact Lensの出力は削除されるまで保持されます。
observe-cl-retention-rule = ライフサイクルルール { $rule } が、バケット { $bucket } の { $prefix } にあるContact Lensの出力を作成から{ $days }日後に失効させます。
observe-cl-retention-noncurrent = ライフサイクルルール { $rule } が、バケット { $bucket } の { $prefix } にあるContact Lensの出力を作成から{ $days }日後に失効させます。バケットはバージョニングが有効なため、非現行バージョンとして残り、合計{ $total }日保持されます。
observe-cl-retention-versioned = ライフサイクルルール { $rule } は、バケット { $bucket } の { $prefix } にあるContact Lensの出力を作成から{ $days }日後に失効させますが、バケットはバージョニングが有効で、これを対象とする NoncurrentVersionExpiration ルールがないため、失効した出力は非現行バージョンとして無期限に残ります。
observe-cl-recordings-rule = ライフサイクルルール { $rule } は録音のプレフィックス { $recordings } を対象としていますが、{ $prefix } は対象外です。Contact Lensは録音のプレフィックスの下ではなく、バケットのルートから出力を書き込みます。

## Analytics data lake sharing (ListAnalyticsDataAssociations)
observe-lake-none-value = 他のアカウントとは共有されていません
observe-lake-none = インスタンス { $name } の ListAnalyticsDataAssociations には、AWS アカウントと共有されたデータレイクのデータセットはありません。
observe-lake-shared-value = { $count } 個の AWS アカウントと共有: { $accounts }
observe-lake-shared = インスタンス { $name } は、分析データレイクのデータセットを他の AWS アカウントと共有しています（データセット → 共有先アカウント（リソース共有のステータス））: { $shares }。
observe-lake-shared-caveat = 共有されたデータセットは共有先のアカウントから（AWS RAM と Lake Formation を通じて）読み取られます。データはインスタンスのアカウントの外に出て、そこで誰が読めるかは共有先アカウントの権限で決まります。共有されたデータにも、データレイクの25か月のローリング期間が適用されます。

## Customer Profiles (ListAccountIntegrations, GetDomain)
observe-cp-none-value = インスタンスに関連付けられた Customer Profiles ドメインはありません
observe-cp-none = インスタンス { $name } の ARN を URI とした ListAccountIntegrations に統合がないため、このインスタンスに関連付けられた Customer Profiles ドメインはありません。
observe-cp-domain-value = Customer Profiles ドメイン { $domain }
observe-cp-domain = インスタンス { $name } は Customer Profiles ドメイン { $domain } に関連付けられています（インスタンスの ARN を URI とする統合）。
observe-cp-retention = ドメイン { $domain } の DefaultExpirationDays は { $days } です。プロファイルは最後に更新されてから { $days } 日後に削除されます。
observe-cp-retention-caveat = 日数は作成日ではなく最終更新日から数えます。
observe-cp-types-unknown = ドメインのオブジェクトタイプは不明です（{ $reason }）。オブジェクトタイプに ExpirationDays または EncryptionKey がある場合は、そのオブジェクトにはそちらが優先されます。
observe-cp-type-unread = オブジェクトタイプ { $type } の設定は不明です（{ $reason }）。ExpirationDays または EncryptionKey がある場合は、そのオブジェクトにはそちらが優先されます。
observe-cp-type-days-shorter = オブジェクトタイプ { $type } には独自の ExpirationDays { $days } があり、ドメインのデフォルトの { $default } 日より短くなっています。そのオブジェクトのデータは { $days } 日後に期限切れになります。
observe-cp-type-days-longer = オブジェクトタイプ { $type } には独自の ExpirationDays { $days } があり、ドメインのデフォルトの { $default } 日より長くなっています。そのオブジェクトのデータは { $days } 日後に期限切れになります。
observe-cp-types-none = ドメインにはオブジェクトタイプがありません。すべてのプロファイルにデフォルトが適用されます。
observe-cp-types-default = ドメインの { $count } 個のオブジェクトタイプには、デフォルトと異なる独自の ExpirationDays はありません。すべてにデフォルトが適用されます。
observe-cp-type-entry = { $type }（{ $days } 日）
observe-cp-types-condition = オブジェクトタイプ { $types }のオブジェクトは、ドメインのデフォルトではなく独自の日数で保持されます。デフォルトが満たす要件も、これらのオブジェクトについてはその日数が要件を満たす場合にのみ満たされます。
observe-cp-type-key = オブジェクトタイプ { $type } のオブジェクトは、ドメインのキーではなく独自のキー { $key }（EncryptionKey）で暗号化されます。
observe-cp-key-cmk = ドメイン { $domain } のデータは、カスタマーマネージドキー { $key }（DefaultEncryptionKey）で暗号化されます。
observe-cp-key-default = ドメイン { $domain } には DefaultEncryptionKey がないため、データは AWS マネージドキーで暗号化されます。

## Contact Lens from exported flows (build --flows DIR)
observe-cl-exported = エクスポートしたフローでContact Lensの分析を有効にしているブロック（フロー / ブロック（出力フォルダ）: 秘匿化）: { $blocks }。元の文字起こしはバケットのルートからの Analysis/Voice/（Chat、Email）に、秘匿化済みの出力は …/Redacted/ に書き込まれます。秘匿化されていない音声は通話録音そのものです。
observe-cl-exported-bucket = エクスポートしたフローからは、出力を受け取るバケットやそのライフサイクルルールはわからないため、出力の保存期間はわかりません。インスタンスから収集する（--live または --evidence）か、回答として申告してください。
