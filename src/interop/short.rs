//! The short cell text `shoko fill` writes into the buyer's explanation
//! cell: the status mark, one sentence, and the citation labels of the
//! sources (the same labels as the documents: O1, D2, A3). The long
//! explanation (one line per verdict, with its reasoning) stays in the
//! evidence pack's `questionnaire.xlsx`, which the cell points to.

use crate::i18n::I18n;
use crate::model::report::{CiteLabels, Report};
use crate::model::{Bilingual, Lang, Property, Status};
use crate::pack::frameworks::Frameworks;
use crate::pack::questionnaire::Row;
use std::collections::BTreeMap;

/// The short text of every questionnaire row, by CAIQ id, in both
/// languages. The status is the row's (the same as the pack's answer).
pub fn short_texts(
    report: &Report,
    i18n: &I18n,
    fw: &Frameworks,
    rows: &BTreeMap<String, Row>,
) -> BTreeMap<String, Bilingual> {
    let labels = CiteLabels::new(&report.sources);
    rows.iter()
        .map(|(id, row)| {
            let text = Bilingual::new(
                short(report, i18n, fw, &labels, row, Lang::Ja),
                short(report, i18n, fw, &labels, row, Lang::En),
            );
            (id.clone(), text)
        })
        .collect()
}

fn short(
    report: &Report,
    i18n: &I18n,
    fw: &Frameworks,
    labels: &CiteLabels,
    row: &Row,
    lang: Lang,
) -> String {
    // The same basis as the pack's questionnaire row: the verdicts of the
    // requirements on the control's properties, else the claims.
    let props: Vec<Property> = fw
        .topics_of(&row.control)
        .iter()
        .flat_map(|t| t.properties.iter().copied())
        .collect();
    let verdicts: Vec<_> = report
        .requirements
        .iter()
        .filter(|r| props.contains(&r.property))
        .flat_map(|r| r.verdicts.iter().map(move |v| (r, v)))
        .collect();
    // The verdicts that decide the answer: those of the row's status.
    let deciding: Vec<_> = verdicts
        .iter()
        .filter(|(_, v)| v.status == row.status)
        .collect();
    let mut ids: Vec<&str> = Vec::new();
    for (r, _) in &deciding {
        if !ids.contains(&r.id.as_str()) {
            ids.push(&r.id);
        }
    }
    let mut cited: Vec<usize> = deciding
        .iter()
        .flat_map(|(_, v)| v.citations.iter().copied())
        .collect();
    if verdicts.is_empty() {
        cited.extend(
            report
                .categories
                .iter()
                .flat_map(|c| &c.claims)
                .filter(|c| props.contains(&c.property))
                .flat_map(|c| c.citations.iter().copied()),
        );
    }
    let requirements = ("requirements", ids.join(", "));
    let sentence = if verdicts.is_empty() {
        i18n.t(lang, "interop-fill-short-none")
    } else if row.status == Status::Gap {
        // Each requirement once, with its distinct remedies.
        let mut by_req: Vec<(&str, Vec<String>)> = Vec::new();
        for (r, v) in &deciding {
            let Some(m) = &v.remedy_label else { continue };
            let m = m.get(lang).to_string();
            match by_req.iter_mut().find(|(id, _)| *id == r.id) {
                Some((_, ms)) if !ms.contains(&m) => ms.push(m),
                Some(_) => {}
                None => by_req.push((&r.id, vec![m])),
            }
        }
        let remedies: Vec<String> = by_req
            .iter()
            .map(|(id, ms)| {
                i18n.t_args(
                    lang,
                    "interop-fill-short-remedy",
                    &[("requirement", id.to_string()), ("remedy", ms.join("/"))],
                )
            })
            .collect();
        if remedies.is_empty() {
            i18n.t_args(lang, "interop-fill-short-gap-bare", &[requirements])
        } else {
            let sep = i18n.t(lang, "interop-fill-short-sep");
            i18n.t_args(
                lang,
                "interop-fill-short-gap",
                &[("remedies", remedies.join(&sep))],
            )
        }
    } else {
        i18n.t_args(
            lang,
            &format!("interop-fill-short-{}", row.status.name()),
            &[requirements],
        )
    };
    let mark = crate::i18n::phrase::status_label(i18n, row.status)
        .get(lang)
        .to_string();
    let sources = labels.labels(&cited);
    let head = if sources.is_empty() {
        i18n.t_args(
            lang,
            "interop-fill-short-bare",
            &[("mark", mark), ("sentence", sentence)],
        )
    } else {
        i18n.t_args(
            lang,
            "interop-fill-short",
            &[
                ("mark", mark),
                ("sentence", sentence),
                ("sources", sources.join(", ")),
            ],
        )
    };
    let long = i18n.t_args(lang, "interop-fill-long", &[("id", row.id.clone())]);
    format!("{head}\n{long}")
}
