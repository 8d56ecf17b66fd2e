//! Values on an ordered scale that is not a duration: the identity
//! management type (`connect-managed` < `existing-directory` < `saml`). A
//! requirement names a rung with `at_least`, `at_most`, `is` or `one_of`;
//! falling short asks for a stronger value.

use super::Outcome;
use crate::model::catalog::Direction;
use crate::model::requirement::{Condition, Expected};
use crate::model::verdict::Reason;
use crate::model::Identity;

/// An identity management type against one condition.
pub(super) fn identity(v: Identity, cond: &Condition) -> Outcome {
    let pass = |ok: bool, dir: Direction| {
        if ok {
            Outcome::Pass
        } else {
            Outcome::Fail(dir)
        }
    };
    match cond {
        Condition::AtLeast(Expected::Identity(x)) => pass(v >= *x, Direction::Stronger),
        Condition::AtMost(Expected::Identity(x)) => pass(v <= *x, Direction::Any),
        Condition::Is(Expected::Identity(x)) => pass(
            v == *x,
            if v < *x {
                Direction::Stronger
            } else {
                Direction::Any
            },
        ),
        Condition::OneOf(xs) => {
            let ok: Vec<Identity> = xs
                .iter()
                .filter_map(|x| match x {
                    Expected::Identity(i) => Some(*i),
                    _ => None,
                })
                .collect();
            let dir = if ok.iter().any(|k| *k > v) {
                Direction::Stronger
            } else {
                Direction::Any
            };
            pass(ok.contains(&v), dir)
        }
        _ => Outcome::Unclear(Reason::Ambiguous),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(v: Identity, c: Condition) -> &'static str {
        match identity(v, &c) {
            Outcome::Pass => "pass",
            Outcome::Fail(Direction::Stronger) => "fail-stronger",
            Outcome::Fail(_) => "fail",
            Outcome::Unclear(_) => "unclear",
        }
    }

    #[test]
    fn at_least_saml_is_met_only_by_saml() {
        let c = || Condition::AtLeast(Expected::Identity(Identity::Saml));
        assert_eq!(verdict(Identity::Saml, c()), "pass");
        assert_eq!(verdict(Identity::ExistingDirectory, c()), "fail-stronger");
        assert_eq!(verdict(Identity::ConnectManaged, c()), "fail-stronger");
    }

    #[test]
    fn at_least_a_directory_is_met_by_a_directory_or_saml() {
        let c = || Condition::AtLeast(Expected::Identity(Identity::ExistingDirectory));
        assert_eq!(verdict(Identity::Saml, c()), "pass");
        assert_eq!(verdict(Identity::ExistingDirectory, c()), "pass");
        assert_eq!(verdict(Identity::ConnectManaged, c()), "fail-stronger");
    }

    #[test]
    fn is_one_of_and_at_most() {
        let is = Condition::Is(Expected::Identity(Identity::ExistingDirectory));
        assert_eq!(verdict(Identity::Saml, is.clone()), "fail");
        assert_eq!(verdict(Identity::ConnectManaged, is), "fail-stronger");
        let one = Condition::OneOf(vec![
            Expected::Identity(Identity::Saml),
            Expected::Identity(Identity::ExistingDirectory),
        ]);
        assert_eq!(verdict(Identity::ExistingDirectory, one.clone()), "pass");
        assert_eq!(verdict(Identity::ConnectManaged, one), "fail-stronger");
        let most = Condition::AtMost(Expected::Identity(Identity::ExistingDirectory));
        assert_eq!(verdict(Identity::Saml, most), "fail");
        let wrong = Condition::AtLeast(Expected::Bool(true));
        assert_eq!(verdict(Identity::Saml, wrong), "unclear");
    }
}
