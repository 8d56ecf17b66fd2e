# 監査ログとアクセス制御：スナップショットが示すCloudTrailの証跡
# （src/observe/trail.rs）。応答から来る引数はMarkdown用にエスケープ済みです。

## 監査ログ（AWS CloudTrail）
trail-none = DescribeTrails（シャドウ証跡を含む）では { $region } に証跡がありません。イベントを記録するのはイベント履歴（管理イベントの90日間）だけで、S3の録音の参照や削除（データイベント）は記録されません。
trail-data-logged = 証跡 { $trail } はログ記録中で、そのイベントセレクターはバケット { $bucket } のすべての通話録音についてS3のデータイベント（読み取りと書き込み）を記録します。誰が録音を参照・削除したかは監査ログに残ります。
trail-data-not-logged = バケット { $bucket } の通話録音についてS3のデータイベントを読み取り・書き込みとも記録している、ログ記録中の証跡はありません（証跡：{ $trails }）。録音の参照や削除は監査ログに残りません。Amazon ConnectのAPI呼び出しは管理イベントとして記録されます。
trail-not-logging = 証跡 { $trail } は録音のデータイベントを選択していますが、ログ記録が停止しています（GetTrailStatusのIsLoggingがfalse）。
trail-data-reads-only = 証跡 { $trail } が記録するのは録音の読み取り（ReadOnly）だけで、書き込みや削除は記録しません。
trail-data-writes-only = 証跡 { $trail } が記録するのは録音の書き込みと削除（WriteOnly）だけで、読み取りは記録しません。
trail-data-partial = 証跡 { $trail } には、録音のデータイベントの一部だけを記録するセレクターがあります（{ $selectors }）。要件を満たすか確認してください。
trail-scope-multi = ホームリージョンが { $home } のマルチリージョン証跡
trail-scope-single = { $home } の単一リージョン証跡
trail-region = 証跡 { $trail }（{ $scope }）はログファイルをバケット { $bucket } に配信します。このバケットの所在リージョンは { $region } です。
trail-retention-rule = 証跡 { $trail } の配信先バケット { $bucket } のライフサイクルルールは、{ $prefix } 以下のログファイルを作成から{ $days }日で失効させます。
trail-retention-rule-versioned = 証跡 { $trail } の配信先バケット { $bucket } のライフサイクルルールは、{ $prefix } 以下のログファイルを{ $days }日で失効させます。バケットはバージョニングが有効なため、失効したファイルは以前のバージョンとしてさらに{ $noncurrent }日残ります。
trail-retention-versioned-forever = 証跡 { $trail } の配信先バケット { $bucket } のライフサイクルルールはログファイルを{ $days }日で失効させますが、バケットはバージョニングが有効で以前のバージョンを失効させるルールがないため、ファイルは削除されません。
trail-retention-none = 証跡 { $trail } の配信先バケット { $bucket } には、{ $prefix } 以下のログファイルを失効させる有効なライフサイクルルールがありません。誰かが削除するまで保持されます。
trail-key = 証跡 { $trail } はログファイルをKMSキー { $key } で暗号化します（SSE-KMS）。このキーは{ $owner }です。
trail-key-sse-s3 = 証跡 { $trail } にはKMSキーの指定がないため、ログファイルはSSE-S3（Amazon S3が所有・管理するキー）で暗号化されます。

## アクセス制御：サインイン方法、多要素認証、ダウンロード
property-access-control-authentication = ユーザーの認証方法（ID管理）
property-access-control-mfa = 多要素認証
property-access-control-download = ユーザーによるダウンロード
identity-connect-managed = Amazon Connect内でユーザーとパスワードを管理
identity-existing-directory = 既存のディレクトリ（AWS Directory Service）
identity-saml = お客様のIDプロバイダー（SAML 2.0）
identity-quoted = 「{ $label }」
answer-access-control-mfa-yes = 必須
answer-access-control-mfa-no = 不要
answer-access-control-download-yes = 可
answer-access-control-download-no = 不可
expect-access-control-mfa-yes = サインインに多要素認証を求めること
expect-access-control-mfa-no = サインインに多要素認証を求めないこと
expect-access-control-download-yes = ユーザーがデータをダウンロードできること
expect-access-control-download-no = ユーザーがデータをダウンロードできないこと
fact-access-control-mfa-yes = サインインには多要素認証が必要です
fact-access-control-mfa-no = サインインに多要素認証は不要です
fact-access-control-download-yes = ユーザーはデータをダウンロードできます
fact-access-control-download-no = データをダウンロードできるユーザーはいません

## 実測：ID管理とダウンロード
access-identity = DescribeInstanceによると、インスタンス { $name } のID管理の種類は { $type } です。
access-identity-fixed = ID管理の方法はインスタンスの作成時に選択し、作成後は変更できません。変更するにはインスタンスを作り直す必要があります。
access-download-holders = 録音またはトランスクリプトのダウンロードボタンを表示する権限を持つセキュリティプロファイル：{ $names }。
access-download-none = 録音やトランスクリプトのダウンロードボタンを表示する権限を持つセキュリティプロファイルはありません。
access-download-condition = AWSのドキュメントによると、ダウンロードボタンの権限はボタンの表示だけを制御します。録音にアクセスできるユーザー（{ $names }）は、この権限がなくてもダウンロードできる場合があります。
