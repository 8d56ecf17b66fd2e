//! Every word a reader sees comes from the Fluent files in `locales/ja` and
//! `locales/en`, or from a bilingual field of the catalog or the inputs.

pub mod phrase;

use crate::assets::Assets;
use crate::model::{Bilingual, Lang};
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use std::collections::BTreeSet;

/// The two bundles.
pub struct I18n {
    ja: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
    ids: [BTreeSet<String>; 2],
}

/// A locale file that does not parse.
#[derive(Debug, thiserror::Error)]
#[error("locale file {file} does not parse: {message}")]
pub struct LocaleError {
    /// The file.
    pub file: String,
    /// What is wrong.
    pub message: String,
}

fn bundle(
    assets: &Assets,
    lang: Lang,
) -> Result<(FluentBundle<FluentResource>, BTreeSet<String>), LocaleError> {
    let langid = match lang {
        Lang::Ja => unic_langid::langid!("ja"),
        Lang::En => unic_langid::langid!("en"),
    };
    let mut b = FluentBundle::new(vec![langid]);
    b.set_use_isolating(false);
    let mut ids = BTreeSet::new();
    for path in assets.list(&format!("locales/{}/", lang.code())) {
        if !path.ends_with(".ftl") {
            continue;
        }
        let Some(asset) = assets.get(&path) else {
            continue;
        };
        let res = FluentResource::try_new(asset.text()).map_err(|(_, errs)| LocaleError {
            file: asset.origin.clone(),
            message: errs
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("; "),
        })?;
        for entry in res.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                ids.insert(m.id.name.to_string());
            }
        }
        b.add_resource_overriding(res);
    }
    Ok((b, ids))
}

impl I18n {
    /// Load both locales.
    pub fn load(assets: &Assets) -> Result<Self, LocaleError> {
        let (ja, ja_ids) = bundle(assets, Lang::Ja)?;
        let (en, en_ids) = bundle(assets, Lang::En)?;
        Ok(I18n {
            ja,
            en,
            ids: [ja_ids, en_ids],
        })
    }

    /// Message ids defined for a language.
    pub fn ids(&self, lang: Lang) -> &BTreeSet<String> {
        match lang {
            Lang::Ja => &self.ids[0],
            Lang::En => &self.ids[1],
        }
    }

    /// A message with arguments. A missing id renders as `⟦id⟧`, which the
    /// test suite looks for.
    pub fn t_args(&self, lang: Lang, id: &str, args: &[(&str, String)]) -> String {
        let b = match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        };
        let Some(pattern) = b.get_message(id).and_then(|m| m.value()) else {
            return format!("⟦{id}⟧");
        };
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            fargs.set(*k, FluentValue::from(v.clone()));
        }
        let mut errors = Vec::new();
        let s = b.format_pattern(
            pattern,
            if args.is_empty() { None } else { Some(&fargs) },
            &mut errors,
        );
        if errors.is_empty() {
            s.into_owned()
        } else {
            format!("⟦{id}⟧")
        }
    }

    /// A message without arguments.
    pub fn t(&self, lang: Lang, id: &str) -> String {
        self.t_args(lang, id, &[])
    }

    /// A message in both languages.
    pub fn both(&self, id: &str, args: &[(&str, String)]) -> Bilingual {
        Bilingual::new(
            self.t_args(Lang::Ja, id, args),
            self.t_args(Lang::En, id, args),
        )
    }

    /// A message in both languages with per-language arguments.
    pub fn both_with(
        &self,
        id: &str,
        args: impl Fn(Lang) -> Vec<(&'static str, String)>,
    ) -> Bilingual {
        Bilingual::new(
            self.t_args(Lang::Ja, id, &args(Lang::Ja)),
            self.t_args(Lang::En, id, &args(Lang::En)),
        )
    }
}
