# 契約終了時の消去・消去証明・返還（issue 17）。
property-deletion-at-contract-end = 契約終了時の消去
property-deletion-certificate = 消去証明書の提出
property-data-return-on-request = 求めに応じた返還
property-data-return-format = 返還時の形式

answer-deletion-at-contract-end-yes = 消去される
answer-deletion-at-contract-end-no = 消去されない
answer-deletion-certificate-yes = 提出する
answer-deletion-certificate-no = 提出しない
answer-data-return-on-request-yes = 可
answer-data-return-on-request-no = 不可

expect-deletion-at-contract-end-yes = 契約終了時に消去されること
expect-deletion-at-contract-end-no = 契約終了後も保持されること
expect-deletion-certificate-yes = 消去を証明する書類が提出されること
expect-deletion-certificate-no = 消去を証明する書類が提出されないこと
expect-data-return-on-request-yes = 求めに応じて返還できること
expect-data-return-on-request-no = 返還できないこと

fact-deletion-at-contract-end-yes = 契約終了時にデータは消去されます
fact-deletion-at-contract-end-no = 契約終了時にデータは消去されません
fact-deletion-at-contract-end-documented-yes = インスタンスを削除するとこのデータは消去されます
fact-deletion-certificate-yes = 消去を証明する書類が提出されます
fact-deletion-certificate-no = 消去を証明する書類は提出されません
fact-data-return-on-request-yes = 求めに応じてデータを返還できます
fact-data-return-on-request-no = 求めに応じたデータの返還はできません

# 選択的保存：要件の対象範囲（タグ・プレフィックス）をバケットで確認した結果。
observe-s3-retention-rule-scope = ライフサイクルルール { $rule } が、バケット { $bucket } の{ $kind ->
        [tag] タグ { $scope } が付いた
       *[prefix] プレフィックス { $scope } 配下の
    }オブジェクトを作成から{ $days }日後に失効させます。
observe-s3-retention-none-scope = バケット { $bucket } の{ $kind ->
        [tag] タグ { $scope } が付いた
       *[prefix] プレフィックス { $scope } 配下の
    }オブジェクトすべてに適用される有効な失効ルールがないため、これらのオブジェクトは削除されるまで保持されます。
observe-s3-scope-legal-hold = バケットでオブジェクトロックが有効なため、リーガルホールドを設定したオブジェクトのバージョンは、解除されるまでライフサイクルルールにかかわらず保持されます。リーガルホールドはオブジェクトのバージョンごとに設定され、バケット単位の API では確認できません。
observe-s3-scope-no-lock = バケットでオブジェクトロックが有効になっていないため、リーガルホールドでこれらのオブジェクトを保持することはできません。保持期間はライフサイクルルールだけで決まります。
scope-tag = タグ「{ $scope }」が付いたオブジェクト
scope-prefix = プレフィックス「{ $scope }」配下のオブジェクト
expect-with-scope = { $expect }（対象: { $scope }）
observe-s3-scope-shorter-wins = ルール { $short } もこれらのオブジェクトに適用され、ルール { $long } より早く失効させます。失効ルールが重なる場合、S3 は短いほうを適用します。長く保持するオブジェクトは、短いルールが適用されないプレフィックスに置く必要があります。
scope-needs-live = 対象範囲を限った保持期間は、実環境から取得したバケットのライフサイクルルール（shoko collect）で判定します。申告された保持期間はデータ区分全体についての値のため、対象範囲の判定には使いません。
