# 項目名・値・判定・根拠（日本語）

property-region = 保存リージョン
property-storage = 保存先
property-retention = 保持期間
property-retention-configurable = 保持期間の変更可否
property-deletion-on-request = 個別削除
property-deletion-on-instance-delete = インスタンス削除時の消去
property-encryption-at-rest = 保存時の暗号化
property-encryption-at-rest-key = 保存時の暗号鍵
property-encryption-in-transit = 通信の暗号化
property-access-control = アクセス制御
property-pii = 個人情報の有無
property-sensitive-input-logged = 機密入力のログ記録
property-data-access-logged = 参照・削除操作の記録

status-met = ○適合
status-gap = ×不適合
status-review = △要確認
status-unverified = －未検証
status-not-applicable = ／対象外

remedy-configure = 設定変更
remedy-design = 設計変更
remedy-negotiate = 要件調整

priority-must = 必須
priority-should = 推奨
priority-may = 任意

provenance-observed = 実測
provenance-declared = 申告
provenance-documented = 公式文書
provenance-derived = 導出

category-all = 全データ区分

value-yes = はい
value-no = いいえ
value-instance-region = インスタンスと同じリージョン
value-instance-lifetime = インスタンスの存続期間中
value-customer-defined = 利用者の設定による
value-not-applicable = 該当なし

key-aws-owned = AWS 所有キー
key-aws-managed = AWS マネージドキー
key-customer-managed = カスタマーマネージドキー（CMK）

duration-never = 無期限
duration-year = { $n }年
duration-years = { $n }年
duration-month = { $n }か月
duration-months = { $n }か月
duration-week = { $n }週間
duration-weeks = { $n }週間
duration-day = { $n }日
duration-days = { $n }日
duration-hour = { $n }時間
duration-hours = { $n }時間
duration-minute = { $n }分
duration-minutes = { $n }分
duration-second = { $n }秒
duration-seconds = { $n }秒
duration-joiner = {""}

expect-at-least = { $value }以上
expect-at-most = { $value }以内
expect-is = { $value }であること
expect-one-of = { $values }のいずれか
list-joiner = 、
condition-joiner = 、かつ
sentence-joiner = {""}

evidence-documented = AWS 公式ドキュメント
evidence-derived = インスタンスのリージョンからの導出
evidence-derived-rule = AWS の一般的な規則からの導出
evidence-declared = 運用者の申告
evidence-observed = AWS API の実測結果（{ $observation }）
evidence-flows = { $origin ->
        [live] インスタンスから取得した{ $count }件のフローの解析
       *[files] エクスポートされた{ $count }件のフローの解析
    }

verdict-met = { $evidence }によれば、{ $fact }。要件（{ $expect }）を満たしています。
verdict-gap = { $evidence }によれば、{ $fact }。要件（{ $expect }）を満たしていません。
verdict-caveat = 留意点：{ $caveat }
verdict-fallback = なお、実環境の証跡は取得できなかったため、この判定は次順位の根拠によります（{ $reason }）。
claim-fallback = 実環境の証跡を取得できませんでした（{ $reason }）。

remedy-configure-how = 対応策（設定変更）：{ $how }
remedy-design-how = 対応策（設計変更）：{ $how }
remedy-negotiate-how = 対応策（要件調整）：{ $how }
remedy-negotiate-fixed = この値はサービス側で固定されており、利用者の設定では変更できません。要件の見直しをご相談ください。
remedy-meeting-values = 要件を満たす設定値は次のとおりです：{ $values }。
remedy-meeting-range = { $low }から{ $high }までの範囲で設定すれば要件を満たします。
remedy-meeting-any = 保存日数は任意に設定できるため、要件に合わせた値を設定してください。

reason-no-evidence = この項目についての証跡がないため、判定できません。申告ファイルで回答するか、実環境から証跡を取得してください。
reason-undocumented = この点は公式ドキュメントで確認できていないため、未検証として扱います。
reason-stale = 実測結果が鮮度の上限を超えて古いため、未検証として扱います。証跡を取り直してください。
reason-depends-on-config = { $property }は利用者の設定によって決まります。申告ファイルで実際の設定を回答するか、shoko collect で実環境から取得してください。
reason-declare-only = { $property }は利用者の設定や手順によって決まり、AWS の API では確認できません。申告ファイルで回答してください。
reason-scope-unobserved = 要件（{ $expect }）は一部のオブジェクトだけを対象としています。
reason-instance-region-unknown = このデータはインスタンスと同じリージョンに保存されますが、インスタンスのリージョンが不明です。contact-center-data の region を申告してください。
reason-not-applicable = このデータ区分には当てはまらない項目です。
reason-media-protocol = { $evidence }によれば、{ $fact }。音声メディアは TLS ではなく SRTP で保護されるため、要件（{ $expect }）とは機械的に比較できません。SRTP で要件を満たすとみなせるか、個別にご判断ください。
reason-free-text = { $property }は文章で示される内容のため、要件（{ $expect }）との適合は個別にご確認ください。
reason-instance-lifetime = { $evidence }によれば、{ $fact }。インスタンスを削除するまで保持されるため、要件（{ $expect }）との適合は運用方針に照らしてご確認ください。
reason-calendar-band = { $evidence }によれば、{ $fact }。暦の月や年は長さが一定でないため、要件（{ $expect }）を満たすかどうかは起算日によって変わります。起算日によらず満たすのは「{ $always }」です。
reason-conditional = { $evidence }によれば、{ $fact }。要件（{ $expect }）を満たすのは、証跡では確認できない条件（直後の留意点）が成り立つ場合に限られます。その条件をご確認ください。
reason-ambiguous = { $property }の値「{ $value }」と要件（{ $expect }）は単位が異なり、機械的に判定できません。個別にご確認ください。

# フロー分析
section-flows = フロー分析：機密入力とフローログ
section-sources-flows = 解析したフロー
col-flow = フロー
col-block = ブロック
col-finding = 指摘
col-path = 経路
flows-errors = 読み込めなかったフロー（他のフローの解析は続行しました）
label-from-default = 既定値の前提による
flow-claim-logged = { $origin ->
        [live] インスタンスから取得した
       *[files] エクスポートされた
    }{ $flows }件のフローを解析したところ、{ $logged }件のフローで、ログ記録が有効なまま機密入力を扱うブロックが見つかりました（指摘{ $findings }件）。詳細はフロー分析をご覧ください。
flow-claim-safe = { $origin ->
        [live] インスタンスから取得した
       *[files] エクスポートされた
    }{ $flows }件のフローを解析したところ、ログ記録が有効なまま機密入力を扱うブロックはありませんでした。
flow-default-enabled = ほかのフローから呼び出されないフローは、インスタンスのフローログ設定（CONTACTFLOW_LOGS：有効）の状態から始まるものとして解析しました。
flow-default-disabled = ほかのフローから呼び出されないフローは、インスタンスのフローログ設定（CONTACTFLOW_LOGS：無効）の状態から始まるものとして解析しました。
flow-default-enabled-assumed = インスタンスのフローログ設定が分からないため、新規インスタンスの既定である「有効」を前提に解析しました。実際の設定（CONTACTFLOW_LOGS）をご確認ください。
flow-default-disabled-assumed = インスタンスのフローログ設定が分からないため、「無効」を前提に解析しました。実際の設定（CONTACTFLOW_LOGS）をご確認ください。
flow-verdict-logged = 機密入力がログに残るおそれあり
flow-verdict-safe = 問題なし
flow-kind-stored-input-unencrypted = 顧客の入力を暗号化せずに保存
flow-kind-lambda-receives-sensitive = Lambda に機密値を渡している
flow-kind-attribute-stores-sensitive = 問い合わせ属性に機密値を設定
flow-remedy-stored-input-unencrypted = このブロックの前に「ログ記録動作の設定」ブロックを置いてログ記録を無効にするか、入力を暗号化してください。
flow-remedy-lambda-receives-sensitive = このブロックの前でログ記録を無効にしてください。Lambda に渡す値と応答はフローログに記録されます。
flow-remedy-attribute-stores-sensitive = このブロックの前でログ記録を無効にするか、機密値を問い合わせ属性に入れないようにしてください。

status-with-strength = { $status }（{ $strength }）
reason-condition-unshown = { $evidence }によれば、{ $fact }。ただし、要件（{ $expect }）を満たすのは{ $condition }場合に限られ、その点は証跡で示されていません。要確認とします。
condition-s3-versioning-object-lock = バケットでS3バージョニングが無効（または非現行バージョンを失効させる設定がある）で、S3オブジェクトロックによる保持がかかっていない
condition-my-connect-domain = 利用者が`*.my.connect.aws`のドメインからアクセスしている
condition-exit-deletes-instance = 契約終了時の手順でインスタンスを削除する
caveat-s3-async-expiry = S3ライフサイクルで有効期限が切れたオブジェクトは削除のキューに入り、非同期に削除されます。有効期限日と実際に削除される日の間には遅れが生じることがあります。
verdict-see-conflict = この要件はほかの要件と同時には満たせません（要件間の矛盾［C{ $n }］を参照）。

# はい/いいえで答える項目の、項目ごとの言い方：表に示す値（answer-）、
# 要件（expect-）、文としての記述（fact-）。
fact-is = { $property }は「{ $value }」です
answer-retention-configurable-yes = 可
answer-retention-configurable-no = 不可
answer-deletion-on-request-yes = 可
answer-deletion-on-request-no = 不可
answer-deletion-on-instance-delete-yes = 消去される
answer-deletion-on-instance-delete-no = 消去されない
answer-encryption-at-rest-yes = あり
answer-encryption-at-rest-no = なし
answer-pii-yes = あり
answer-pii-no = なし
answer-sensitive-input-logged-yes = あり
answer-sensitive-input-logged-no = なし
answer-data-access-logged-yes = あり
answer-data-access-logged-no = なし
answer-personal-data-logged-yes = あり
answer-personal-data-logged-no = なし
expect-retention-configurable-yes = 保持期間を変更できること
expect-retention-configurable-no = 保持期間が固定であること
expect-deletion-on-request-yes = 個別に削除できること
expect-deletion-on-request-no = 個別に削除できないこと
expect-deletion-on-instance-delete-yes = インスタンス削除時に消去されること
expect-deletion-on-instance-delete-no = インスタンス削除後も残ること
expect-encryption-at-rest-yes = 保存時に暗号化されること
expect-encryption-at-rest-no = 保存時に暗号化されないこと
expect-pii-yes = 個人情報を含むこと
expect-pii-no = 個人情報を含まないこと
expect-sensitive-input-logged-yes = 機密入力がログに記録されること
expect-sensitive-input-logged-no = 機密入力がログに記録されないこと
expect-data-access-logged-yes = 参照・削除操作が記録されること
expect-data-access-logged-no = 参照・削除操作が記録されないこと
expect-personal-data-logged-yes = 個人データがログに記録されること
expect-personal-data-logged-no = 個人データがログに記録されないこと
fact-retention-configurable-yes = 保持期間は変更できます
fact-retention-configurable-no = 保持期間は固定で、変更する設定はありません
fact-deletion-on-request-yes = 個別に削除できます
fact-deletion-on-request-no = 個別には削除できません
fact-deletion-on-instance-delete-yes = インスタンスを削除するとデータも消去されます
fact-deletion-on-instance-delete-no = インスタンスを削除してもデータは消去されません
fact-encryption-at-rest-yes = 保存時に暗号化されます
fact-encryption-at-rest-no = 保存時に暗号化されません
fact-pii-yes = 個人情報を含みます
fact-pii-no = 個人情報を含みません
fact-sensitive-input-logged-yes = 顧客の機密入力はログに記録されます
fact-sensitive-input-logged-no = 顧客の機密入力はログに記録されません
fact-data-access-logged-yes = データの参照・削除操作は記録されます
fact-data-access-logged-no = データの参照・削除操作は記録されません
fact-personal-data-logged-yes = 個人データがログに記録されます
fact-personal-data-logged-no = 個人データはログに記録されません
verdict-see-remedy-clash = この要件の対応策と別の要件が両立しません（［C{ $n }］を参照）。
