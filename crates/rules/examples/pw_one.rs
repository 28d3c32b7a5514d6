fn main() {
    let unit = std::env::args().nth(1).unwrap_or("1".into());
    let s: String = unit.repeat(100_000 / unit.len() + 1).chars().take(100_000).collect();
    for _ in 0..20 {
        std::hint::black_box(diary_rules::password::check_password(&s, &Default::default()));
    }
}
