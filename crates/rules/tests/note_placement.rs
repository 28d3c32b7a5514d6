//! Where a panel shows a note (issue 13): «скоро 14» inside the step the
//! reader is at now, the auto-update checkbox as the region's one
//! instruction inside the first document check still open.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a test or bench: a panic is its failure report"
)]

use diary_rules::eligibility::{
    assess_input, parse_local_date_time, region::embedded, AutoupdateWay, NoteId, RegionArg, SituationInput, StepId,
};

fn assess(region: &str, birth: &str, answers: &[(&str, &str)]) -> diary_rules::eligibility::Assessment {
    let mut input = SituationInput {
        role: Some("parent".into()),
        birth_date: Some(birth.into()),
        today: Some("2026-03-10".into()),
        region: Some(RegionArg::Id(region.into())),
        ..Default::default()
    };
    for (k, v) in answers {
        let v = Some((*v).to_owned());
        match *k {
            "parent" => input.parent_account = v,
            "student" => input.student_account = v,
            "certificate" => input.certificate_status = v,
            "snils" => input.snils_status = v,
            other => panic!("{other}"),
        }
    }
    assess_input(&input, parse_local_date_time("2026-03-10T12:00").unwrap()).unwrap()
}

#[test]
fn turns_14_soon_sits_in_the_current_step() {
    // 14 on 2026-03-16: next week.
    let a =
        assess("kuzbass", "2012-03-16", &[("parent", "confirmed"), ("student", "none"), ("certificate", "checking")]);
    assert!(a.notes.contains(&NoteId::Turns14Soon));
    assert_eq!(a.next, Some(StepId::CertificateCheck));
    assert_eq!(NoteId::Turns14Soon.step_in(&a), Some(StepId::CertificateCheck));
    let a = assess(
        "kuzbass",
        "2012-03-16",
        &[("parent", "confirmed"), ("student", "none"), ("certificate", "verified"), ("snils", "verified")],
    );
    assert_eq!(a.next, Some(StepId::CreateChildAccount));
    assert_eq!(NoteId::Turns14Soon.step_in(&a), Some(StepId::CreateChildAccount));
}

#[test]
fn autoupdate_is_one_instruction_per_region_in_the_open_check() {
    for (region, way) in [
        ("kuzbass", AutoupdateWay::UntickBeforeSend),
        ("ryazan", AutoupdateWay::UntickBeforeSend),
        ("generic", AutoupdateWay::UntickBeforeSend),
        ("orenburg", AutoupdateWay::OffThenOn),
    ] {
        assert_eq!(AutoupdateWay::of(embedded(region).unwrap()), way, "{region}");
        assert_eq!(
            NoteId::AutoupdateCheckbox.text_id_in(embedded(region).unwrap()),
            format!("elig.note.autoupdate_{}", way.id())
        );
        // The other way is apart from the instruction (issue 24: one
        // procedure per step; the fallback under the sources' disagreements).
        assert_eq!(
            NoteId::AutoupdateCheckbox.fallback_text_id_in(embedded(region).unwrap()),
            Some(format!("elig.note.autoupdate_{}_fallback", way.id()))
        );
    }
    // The certificate is entered by hand: the instruction is in its check.
    let a = assess("kuzbass", "2015-09-01", &[("certificate", "entered_manually")]);
    assert_eq!(NoteId::AutoupdateCheckbox.step_in(&a), Some(StepId::CertificateCheck));
    // The certificate passed, the СНИЛС stays «Данные введены вручную»: in the СНИЛС check.
    let a = assess("ryazan", "2015-09-01", &[("certificate", "verified"), ("snils", "entered_manually")]);
    assert!(a.notes.contains(&NoteId::AutoupdateCheckbox));
    assert_eq!(NoteId::AutoupdateCheckbox.step_in(&a), Some(StepId::SnilsCheck));
    // Both checked: no instruction.
    let a = assess("ryazan", "2015-09-01", &[("certificate", "verified"), ("snils", "verified")]);
    assert!(!a.notes.contains(&NoteId::AutoupdateCheckbox));
    // Every text the note can show exists in both voices.
    for way in [AutoupdateWay::UntickBeforeSend, AutoupdateWay::OffThenOn] {
        for suffix in ["", "_student"] {
            let id = format!("elig.note.autoupdate_{}{suffix}", way.id());
            assert!(diary_rules::texts::entry(&id).is_some(), "{id}");
            // The other way is a text of its own (one procedure per text).
            let fallback = format!("elig.note.autoupdate_{}_fallback{suffix}", way.id());
            assert!(diary_rules::texts::entry(&fallback).is_some(), "{fallback}");
        }
    }
}
