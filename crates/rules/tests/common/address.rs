//! Forms of address in Russian texts, shared by the voice checks
//! (`voice.rs`: each text speaks as its audience tag says) and the error
//! explanations' register check (`explain.rs`): «ты» (pronouns, singular
//! imperatives) and «вы» (pronouns, verb forms in -те); words inside «…»
//! quote what a site shows and are not ours.

/// The text without the parts inside «…» (quotes of exact wording).
pub fn unquoted(text: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '«' => depth += 1,
            '»' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Lower-case Cyrillic words outside quotes.
pub fn words(text: &str) -> Vec<String> {
    unquoted(text)
        .split(|c: char| !(c.is_alphabetic() || c == '-'))
        .map(|w| w.trim_matches('-').to_lowercase())
        .filter(|w| w.chars().any(|c| ('а'..='я').contains(&c) || c == 'ё'))
        .collect()
}

const VY: [&str; 15] = [
    "вы",
    "вас",
    "вам",
    "вами",
    "ваш",
    "ваша",
    "ваше",
    "ваши",
    "вашего",
    "вашей",
    "вашему",
    "вашим",
    "вашими",
    "ваших",
    "вашу",
];
const TY: [&str; 16] = [
    "ты",
    "тебя",
    "тебе",
    "тобой",
    "твой",
    "твоя",
    "твоё",
    "твое",
    "твои",
    "твоего",
    "твоей",
    "твоему",
    "твоим",
    "твоими",
    "твоих",
    "твою",
];
/// Singular imperatives the data uses when it speaks to a student.
const TY_IMPERATIVES: [&str; 39] = [
    "нажми",
    "открой",
    "попроси",
    "войди",
    "введи",
    "покажи",
    "восстанови",
    "перейди",
    "дай",
    "спроси",
    "сверь",
    "зарегистрируйся",
    "добавь",
    "подожди",
    "жди",
    "проверь",
    "напиши",
    "придумай",
    "скопируй",
    "выбери",
    "запомни",
    "впиши",
    "зайди",
    "обратись",
    "входи",
    "попробуй",
    "дождись",
    "скажи",
    "укажи",
    "сообщи",
    "переключи",
    "найди",
    "отправь",
    "возьми",
    "подтверди",
    "повтори",
    "продолжи",
    "вернись",
    "исправь",
];
/// Words ending like a «вы» verb form that are not one.
const NOT_VERBS: [&str; 9] =
    ["сайте", "ответе", "конверте", "предмете", "пакете", "бюджете", "совете", "привете", "кабинете"];
/// Endings of «вы» verb forms: imperative or present/future, plain or reflexive.
const VY_ENDINGS: [&str; 9] = ["ите", "йте", "ьте", "ете", "ёте", "итесь", "йтесь", "ьтесь", "етесь"];

/// «вы» forms: the pronoun and the verb forms in -те (imperative or present).
pub fn vy_forms(text: &str) -> Vec<String> {
    words(text)
        .into_iter()
        .filter(|w| {
            VY.contains(&w.as_str())
                || (VY_ENDINGS.iter().any(|end| w.ends_with(end))
                    && w.chars().count() > 4
                    && !NOT_VERBS.contains(&w.as_str()))
        })
        .collect()
}

/// «ты» forms: the pronoun and the singular imperatives.
pub fn ty_forms(text: &str) -> Vec<String> {
    words(text).into_iter().filter(|w| TY.contains(&w.as_str()) || TY_IMPERATIVES.contains(&w.as_str())).collect()
}
