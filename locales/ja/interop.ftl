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
