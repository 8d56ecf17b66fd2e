use super::*;

/// A view shaped like the NFR document's, `r` requirements and `c`
/// categories of `size` bytes each, `o` observations.
fn view(r: usize, c: usize, o: usize, size: usize) -> Value {
    let item = |i: usize| json!({"id": i, "pad": "x".repeat(size)});
    json!({
        "requirements": (0..r).map(item).collect::<Vec<_>>(),
        "categories": (0..c).map(item).collect::<Vec<_>>(),
        "shared": [],
        "actions": [],
        "conclusion": "",
        "sources": {"docs": [], "declarations": [], "flows": [],
                    "observations": (0..o).map(|i| json!({"label": format!("O{i}")})).collect::<Vec<_>>()},
        "inputs": [{"path": "a"}],
    })
}

#[test]
fn a_small_view_is_laid_out_whole() {
    assert_eq!(plan(&view(10, 20, 30, 1000)), None);
}

#[test]
fn a_large_view_is_cut_into_parts_that_cover_every_unit_once_in_order() {
    let v = view(300, 40, 500, 4000);
    let parts = plan(&v).expect("cut into parts");
    assert!(parts.len() > 4, "{parts:?}");
    assert_eq!(parts.first().map(|p| p.0), Some(0));
    assert_eq!(parts.last().map(|p| p.1), Some(unit_sizes(&v).len()));
    for w in parts.windows(2) {
        assert_eq!(w[0].1, w[1].0, "gap or overlap: {parts:?}");
    }
    assert!(parts.iter().all(|(a, b)| a < b), "an empty part: {parts:?}");
}

#[test]
fn a_part_keeps_only_its_units_and_every_list_its_length() {
    let v = view(4, 3, 250, 10);
    // units: 0 opening, 1-4 requirements, 5 shared, 6-8 categories,
    // 9 sources heading, 10-12 observations (120 rows each), 13 inputs
    let p = slice(&v, 2, 7);
    let nulls = |k: &str| {
        p[k].as_array()
            .expect(k)
            .iter()
            .filter(|x| x.is_null())
            .count()
    };
    assert_eq!(p["requirements"].as_array().map(Vec::len), Some(4));
    assert_eq!(
        nulls("requirements"),
        1,
        "requirement 0 (unit 1) is not in units 2..7"
    );
    assert!(p["requirements"][1].is_object() && p["requirements"][3].is_object());
    assert_eq!(
        nulls("categories"),
        2,
        "only category 0 (unit 6) is in the part"
    );
    assert_eq!(p["sources"]["observations"][0], Value::Null);
    assert_eq!(p["actions"], json!([]), "the opening is not in this part");
    assert_eq!(p["part"], json!({"from": 2, "to": 7}));
    let last = slice(&v, 11, 14);
    let obs = last["sources"]["observations"]
        .as_array()
        .expect("observations");
    assert_eq!(obs.len(), 250);
    assert!(obs[119].is_null() && obs[120].is_object() && obs[249].is_object());
    assert!(last["inputs"][0].is_object());
}

#[test]
fn only_a_template_that_reads_its_part_is_laid_out_in_parts() {
    let built_in = crate::assets::Assets::default()
        .get(super::super::TEMPLATE)
        .map(|t| t.text())
        .unwrap_or_default();
    assert!(
        understood_by(&built_in),
        "the built-in template reads d.part"
    );
    assert!(!understood_by(
        "#let d = json(bytes(sys.inputs.view))\n= Title\n"
    ));
}
