# 相互運用: OSCAL 評価結果、IPA 非機能要求グレード、記入済みの質問票

interop-oscal-title = Amazon Connect 非機能要件の評価結果{ $customer ->
    [none] {""}
   *[other] （{ $customer }）
}
interop-oscal-plan-title = お客様の要件（評価計画に代わるもの）
interop-oscal-plan-description = この評価で証拠と照合した要件ファイル { $file }。別の評価計画はありません。
interop-oscal-result-title = お客様の要件に対するデプロイメントの shoko による評価
interop-oscal-result-description = { $as_of } 時点の証拠と照合した要件 { $requirements } 件。要件ごとに 1 つの所見（finding）、主張ごとに 1 つの観察（observation）、不適合ごとに 1 つのリスク（risk）です。
interop-oscal-finding-description = 要件: { $expect }。結果: { $status }。
interop-oscal-risk-title = 不適合: { $requirement }（{ $category }）
interop-oscal-remedy-title = 対処: { $remedy }

# 証拠パックの IPA 非機能要求グレード表（nfr-grade.csv）
interop-grade-col-id = 項番
interop-grade-col-major = 大項目
interop-grade-col-middle = 中項目
interop-grade-col-item = 小項目
interop-grade-col-metric = メトリクス
interop-grade-col-level = 対応付けの粒度
interop-grade-col-answer-ja = shoko の回答
interop-grade-col-answer-en = shoko の回答（英語）
interop-grade-col-status = 状況
interop-grade-col-strength = 証拠の強さ
interop-grade-col-sources = 出典番号
interop-grade-answer = { $category }・{ $property }: { $value }（{ $provenance }）
interop-grade-no-requirement = 要件なし
interop-grade-level-metric = メトリクス（項番を確認済み）
interop-grade-level-middle = 中項目（メトリクスの項番を IPA の資料で確認できていないため）
interop-grade-terms = 項番と項目名は IPA の非機能要求グレードによります。利用条件: { $terms }
