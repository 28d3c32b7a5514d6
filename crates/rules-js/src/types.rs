//! TypeScript types shared by the rules API and the widget's `mount()`:
//! always built (with or without the `api` feature), so the widget's
//! `.d.ts` has them even when it does not re-export the rules API.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_SHARED: &str = r#"
/** The languages of every text: Russian (the default) and English. */
export type Lang = "ru" | "en";

/** The built-in region profiles. */
export type BuiltInRegionId = "kuzbass" | "orenburg" | "ryazan" | "generic";

/** A built-in region profile id, or a host's own id (unknown ids read as "generic" where the API says so). */
export type RegionId = BuiltInRegionId | (string & {});

/** A region profile a host may pass as `region`. */
export interface RegionProfile {
    /** Lower-case Latin letters, digits, "_" and "-". */
    id: string;
    name: { ru: string; en: string };
    diarySite?: { href: string; label: string };
    appName?: string;
    apps?: { store: string; href: string }[];
    loginButton?: string;
    loginFlow?: "plain" | "grant_access";
    consentVia?: "notification" | "portfolio";
    parentFlow?: "gosuslugi" | "application";
    /** Required when parentFlow is "application". */
    application?: { accessSection: string; applyButton: string; submittedMessage: string };
    problems?: "school" | "class_teacher" | "feedback_form";
    problemsLink?: { href: string; label: string };
    parentMayCreateUntil18?: boolean;
    source?: string[];
}
"#;
