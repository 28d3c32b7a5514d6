//! The error catalog: `data/errors.toml` (entries, quotes, variants per role
//! and age, contacts per region, links), turned into static tables by
//! build.rs. Every datum in the file has a `source` (build.rs fails without
//! one); the tables leave them out, as nothing reads them at run time.

use std::sync::OnceLock;

pub use crate::vocab::{Actor, AgeGroup, QuoteKind, Role};

/// A list in the generated tables: a static slice that also iterates as
/// `for x in &list`.
#[derive(Debug, Clone, Copy)]
pub struct List<T: 'static>(pub &'static [T]);

impl<T> std::ops::Deref for List<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        self.0
    }
}

impl<'a, T> IntoIterator for &'a List<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// One wording of an entry's message (as shown, in an instruction, or as
/// people describe it), and who sees it.
#[derive(Debug, Clone, Copy)]
pub struct Quote {
    /// The text id; its Russian words are the message as shown.
    pub text: &'static str,
    /// What sort of text it is: a message, a status, an instruction or a paraphrase.
    pub kind: QuoteKind,
    /// Who sees this wording, when it tells (a student's message differs
    /// from a parent's).
    pub role: Option<Role>,
    /// The age groups who see this wording, when it tells.
    pub ages: Option<&'static [AgeGroup]>,
    /// This quote's own anchor words, when the entry's do not fit it.
    pub anchors: Option<&'static [&'static str]>,
}

impl Quote {
    /// The anchor words that apply to this quote.
    pub fn anchors(&self, entry: &Entry) -> &'static [&'static str] {
        self.anchors.unwrap_or(entry.anchors.0)
    }
}

/// What to do about an entry, for the people it fits (see [`Variant::fits`]).
#[derive(Debug, Clone, Copy)]
pub struct Variant {
    /// The role it is for; `None`: any role.
    pub role: Option<Role>,
    /// The age groups it is for; `None`: any age.
    pub ages: Option<&'static [AgeGroup]>,
    /// Who must act.
    pub actor: Actor,
    /// A [`Contact`] kind.
    pub contact: Option<&'static str>,
    /// Text ids, in order.
    pub steps: List<&'static str>,
}

impl Variant {
    /// Whether this variant is for a person with this role and age group.
    /// A condition the variant sets must be met by a known value.
    pub fn fits(&self, role: Option<Role>, age: Option<AgeGroup>) -> bool {
        let role_fits = match self.role {
            None => true,
            Some(r) => role == Some(r),
        };
        let age_fits = match self.ages {
            None => true,
            Some(ages) => age.is_some_and(|a| ages.contains(&a)),
        };
        role_fits && age_fits
    }
}

/// One trouble the catalog explains: its messages, its cause and what to do.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// The entry id (the JS API's string id), e.g. `diary_not_found`.
    pub id: &'static str,
    /// Text id of its title.
    pub title: &'static str,
    /// Text id of what causes it.
    pub cause: &'static str,
    /// Entry ids of related troubles.
    pub related: List<&'static str>,
    /// Entry ids (among `related`) of the troubles this one comes from
    /// (no «Создать» button because the parent's account is not confirmed):
    /// a text that names this trouble and one of its causes is explained by
    /// the cause, with this one beside it.
    pub causes: List<&'static str>,
    /// Ids of the [`Link`]s to official pages about it.
    pub links: List<&'static str>,
    /// The words that distinguish this entry from everything else the
    /// catalog knows (Russian and English, as written; normalized by the
    /// matcher). Where a quote holds anchor words, a match must have every
    /// one of them up to where the text ends, so a message that only shares
    /// filler («срок действия», «код», «истёк») never stands for the entry.
    pub anchors: List<&'static str>,
    /// Ids of the [`Subject`]s its messages speak of: a text that names a
    /// foreign subject near the message and none of these is not this
    /// entry's message.
    pub subjects: List<&'static str>,
    /// Ids of [`Subject`]s foreign to this entry alone.
    pub others: List<&'static str>,
    /// Ids of [`Subject`]s that veto this entry when named inside its
    /// matched words (between the first and the last): «в дневнике
    /// расписание не найдено» is about the timetable, though the diary is
    /// named right there.
    pub inside: List<&'static str>,
    /// Ids of [`Subject`]s that veto this entry when named in the few
    /// words right after its match: «необходимо согласие одного из
    /// родителей» is the parents' consent, not the reader's own.
    pub after: List<&'static str>,
    /// Its messages are short and generic («Заявление подано»): a match
    /// may have at most one extra word inside it, and its words may not
    /// be spread in another order, since what stands between them names
    /// what the message is about («Заявление в вуз подано»).
    pub tight: bool,
    /// Phrases (one to three words) that say this entry's status is over
    /// («проверка данных прошла»): a match right next to one is vetoed,
    /// and no other entry's.
    pub over: List<&'static str>,
    /// Where the message is shown: the diary or Gosuslugi (whom to ask).
    pub side: Side,
    /// The wordings of its message; the first one stands for the entry in a list.
    pub quote: List<Quote>,
    /// What to do, by role and age: the first that fits the person applies;
    /// the last fits anyone.
    pub variant: List<Variant>,
}

/// Messages the catalog knows to be something else (an SMS code, an e-mail
/// link, password or document expiry, a network error): text that matches
/// one of them better than any entry gets no explanation.
#[derive(Debug, Clone, Copy)]
pub struct Other {
    /// The id, e.g. `sms_code`.
    pub id: &'static str,
    /// The messages, word for word or as people write them.
    pub quotes: List<&'static str>,
}

crate::id::closed_set!(
    /// Where a message is shown, so whom to ask about it.
    Side {
        /// The diary's own pages (the school, the diary's feedback form).
        Diary => "diary",
        /// Gosuslugi (its support, the МФЦ).
        Gosuslugi => "gosuslugi",
    }
);

/// What a message can be about, or another service (a foreign subject):
/// the words that name it, normalized as the matcher reads them; a word
/// ending in `*` names it by its beginning (`банк*`: «банке», «банковской»),
/// one in `*…*` by a part (`*банк*`: «газпромбанк»).
#[derive(Debug, Clone, Copy)]
pub struct Subject {
    /// The id, e.g. `diary` or `bank`.
    pub id: &'static str,
    /// The words that name it.
    pub words: List<&'static str>,
    /// Ids of subjects after which, within a few words, a word of this
    /// one does not name it: «ребёнок в электронном журнале не найден» is
    /// the child not found, not something else in the diary.
    pub unless: List<&'static str>,
}

/// Everyday words for catalog words: any of `words` stands for `means`
/// (one catalog word, or two in a row: «учётка» → «учётная запись»). With
/// `after_not`, the words stand for `means` only right after «не», and the
/// pair is one word («не действует» → «недействителен»).
#[derive(Debug, Clone, Copy)]
pub struct Synonym {
    /// The everyday words, any of which stands for `means`.
    pub words: List<&'static str>,
    /// The catalog word they stand for, or two words in a row.
    pub means: List<&'static str>,
    /// Whether they stand for `means` only right after «не».
    pub after_not: bool,
}

/// Where to turn, by kind and region.
#[derive(Debug, Clone, Copy)]
pub struct Contact {
    /// The kind: `school`, `feedback_form`, `gosuslugi_support`, `mfc` or `parent`.
    pub kind: &'static str,
    /// A region id; none for the generic contact of this kind.
    pub region: Option<&'static str>,
    /// Text id of where to turn.
    pub text: &'static str,
}

/// A region id a host may pass, with the diary's links.
#[derive(Debug, Clone, Copy)]
pub struct Region {
    /// The region id, e.g. `kuzbass` or `generic`.
    pub id: &'static str,
    /// Ids of the region's [`Link`]s (the diary's pages).
    pub links: List<&'static str>,
}

/// An official page, with a label text.
#[derive(Debug, Clone, Copy)]
pub struct Link {
    /// The link id, e.g. `gosuslugi_family`.
    pub id: &'static str,
    /// The page's URL, `https://…` or `http://…`.
    pub url: &'static str,
    /// Text id of the link's label.
    pub label: &'static str,
}

/// The whole catalog.
#[derive(Debug, Clone, Copy)]
pub struct Catalog {
    /// Every entry, in the order of `data/errors.toml`.
    pub entry: List<Entry>,
    /// Messages known to be something else.
    pub other: List<Other>,
    /// Every contact, generic and regional.
    pub contact: List<Contact>,
    /// The region ids a host may pass.
    pub region: List<Region>,
    /// The official pages entries and regions point to.
    pub link: List<Link>,
    /// What the entries' messages can be about (`[[subject]]`).
    pub subject: List<Subject>,
    /// Other services and contexts whose messages share the catalog's words
    /// (`[[foreign]]`).
    pub foreign: List<Subject>,
    /// Everyday words for catalog words.
    pub synonym: List<Synonym>,
    /// Words a voice keyboard writes for punctuation («точка», «запятая»):
    /// the matcher reads past them.
    pub spoken_punctuation: List<&'static str>,
    /// Personal pronouns («он», «её», «тот»): one may stand for a word of
    /// the message named just before it.
    pub pronouns: List<&'static str>,
    /// Relative pronouns («который», «которая» …): each starts a relative
    /// clause that may stand between two matched words.
    pub relative_pronouns: List<&'static str>,
    /// Laughing emoji («😂»): one on the line of a match says the line
    /// jokes about the message (as the `joke` subject's words do).
    pub laughing_marks: List<&'static str>,
    /// Phrases (one to three words) that say a message is gone
    /// («исправили», «больше не пишет»): a match near one is vetoed.
    pub resolved: List<&'static str>,
    /// Phrases that say a message gave way to another («сменился»): only a
    /// match before one is vetoed; the message after it is the new one.
    pub resolved_changed: List<&'static str>,
    /// Words that start what the text says now («теперь», «сейчас»): a
    /// phrase before one of them does not reach a match after it («раньше
    /// было «Дневник не найден», а теперь…»).
    pub resolved_now: List<&'static str>,
    /// Words that name a message as a thing shown («ошибки», «надписи»):
    /// a message between one of them and «нет» («Ошибки «Дневник не
    /// найден» нет») is said not to be shown.
    pub resolved_absent: List<&'static str>,
}

impl Catalog {
    /// The entry with this id.
    pub fn entry(&self, id: &str) -> Option<&'static Entry> {
        self.entry.0.iter().find(|e| e.id == id)
    }

    /// The link with this id.
    pub fn link(&self, id: &str) -> Option<&'static Link> {
        self.link.0.iter().find(|l| l.id == id)
    }

    /// The region with this id.
    pub fn region(&self, id: &str) -> Option<&'static Region> {
        self.region.0.iter().find(|r| r.id == id)
    }

    /// The contact of `kind` for `region`, or the generic one.
    pub fn contact(&self, kind: &str, region: Option<&str>) -> Option<&'static Contact> {
        let all = self.contact.0;
        let regional = region.and_then(|r| all.iter().find(|c| c.kind == kind && c.region == Some(r)));
        regional.or_else(|| all.iter().find(|c| c.kind == kind && c.region.is_none()))
    }
}

include!(concat!(env!("OUT_DIR"), "/errors.rs"));

static CATALOG: OnceLock<Catalog> = OnceLock::new();

/// The catalog, generated at build time from `data/errors.toml` (the build
/// fails on malformed data, so nothing is parsed at run time): decoded on
/// first use from its compact encoding, once per module.
pub fn catalog() -> &'static Catalog {
    CATALOG.get_or_init(|| Reader { data: CATALOG_DATA, at: 0, seen: Vec::new() }.catalog())
}

/// Reads `CATALOG_DATA`, in the format build/errors.rs (`Enc`) writes. The
/// data is the build's own, checked there and by the tests; a damaged byte
/// would read as an empty or default value, never a panic. What it decodes
/// (strings, lists) lives as long as the module, as the statics it replaces.
struct Reader {
    data: &'static [u8],
    at: usize,
    /// The distinct strings read so far, in order.
    seen: Vec<&'static str>,
}

impl Reader {
    fn byte(&mut self) -> u8 {
        let b = self.data.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }

    fn num(&mut self) -> usize {
        let (mut n, mut shift) = (0usize, 0);
        loop {
            let b = self.byte();
            n |= usize::from(b & 0x7f) << shift;
            shift += 7;
            if b < 0x80 || shift > 28 {
                return n;
            }
        }
    }

    fn flag(&mut self) -> bool {
        self.byte() != 0
    }

    fn str(&mut self) -> &'static str {
        let n = self.num();
        if n % 2 == 1 {
            return self.seen.get(n / 2).copied().unwrap_or("");
        }
        let end = self.at.saturating_add(n / 2);
        let mut s = String::new();
        crate::texts::packed::decode(self.data.get(self.at..end).unwrap_or_default(), &mut s);
        self.at = end;
        let s: &'static str = Box::leak(s.into_boxed_str());
        self.seen.push(s);
        s
    }

    /// A text id: a row of the text table, or the id itself.
    fn text(&mut self) -> &'static str {
        match self.num().checked_sub(1) {
            Some(row) => crate::texts::id_of(row),
            None => self.str(),
        }
    }

    fn opt_str(&mut self) -> Option<&'static str> {
        self.flag().then(|| self.str())
    }

    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> T) -> List<T> {
        let n = self.num();
        let items: Vec<T> = (0..n).map(|_| item(self)).collect();
        List(Box::leak(items.into_boxed_slice()))
    }

    fn strs(&mut self) -> List<&'static str> {
        self.list(Self::str)
    }

    /// A closed set's value by its index in `all`.
    fn pick<T: Copy>(&mut self, all: &[T]) -> Option<T> {
        all.get(usize::from(self.byte())).copied()
    }

    fn role(&mut self) -> Option<Role> {
        let b = self.byte();
        Role::ALL.get(usize::from(b).checked_sub(1)?).copied()
    }

    fn ages(&mut self) -> Option<&'static [AgeGroup]> {
        let n = self.num().checked_sub(1)?;
        let ages: Vec<AgeGroup> = (0..n).filter_map(|_| self.pick(&AgeGroup::ALL)).collect();
        Some(Box::leak(ages.into_boxed_slice()))
    }

    fn subject(&mut self) -> Subject {
        Subject { id: self.str(), words: self.strs(), unless: self.strs() }
    }

    fn entry(&mut self) -> Entry {
        Entry {
            id: self.str(),
            title: self.text(),
            cause: self.text(),
            related: self.strs(),
            causes: self.strs(),
            links: self.strs(),
            anchors: self.strs(),
            subjects: self.strs(),
            others: self.strs(),
            inside: self.strs(),
            after: self.strs(),
            tight: self.flag(),
            over: self.strs(),
            side: Side::parse(self.str()).unwrap_or(Side::Diary),
            quote: self.list(|r| Quote {
                text: r.text(),
                kind: r.pick(&QuoteKind::ALL).unwrap_or(QuoteKind::Message),
                role: r.role(),
                ages: r.ages(),
                anchors: r.flag().then(|| r.strs().0),
            }),
            variant: self.list(|r| Variant {
                role: r.role(),
                ages: r.ages(),
                actor: r.pick(&Actor::ALL).unwrap_or(Actor::School),
                contact: r.opt_str(),
                steps: r.list(Self::text),
            }),
        }
    }

    fn catalog(&mut self) -> Catalog {
        Catalog {
            entry: self.list(Self::entry),
            other: self.list(|r| Other { id: r.str(), quotes: r.strs() }),
            contact: self.list(|r| Contact { kind: r.str(), region: r.opt_str(), text: r.text() }),
            region: self.list(|r| Region { id: r.str(), links: r.strs() }),
            link: self.list(|r| Link { id: r.str(), url: r.str(), label: r.text() }),
            subject: self.list(Self::subject),
            foreign: self.list(Self::subject),
            synonym: self.list(|r| Synonym { words: r.strs(), means: r.strs(), after_not: r.flag() }),
            spoken_punctuation: self.strs(),
            pronouns: self.strs(),
            relative_pronouns: self.strs(),
            laughing_marks: self.strs(),
            resolved: self.strs(),
            resolved_changed: self.strs(),
            resolved_now: self.strs(),
            resolved_absent: self.strs(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::texts;

    #[test]
    fn the_encoding_is_read_to_its_end() {
        let mut reader = Reader { data: CATALOG_DATA, at: 0, seen: Vec::new() };
        let read = reader.catalog();
        assert_eq!(reader.at, CATALOG_DATA.len(), "the reader and build/errors.rs disagree on the format");
        assert_eq!(read.entry.len(), catalog().entry.len());
    }

    #[test]
    fn data_is_there() {
        assert!(catalog().entry.len() >= 14);
    }

    #[test]
    fn every_reference_resolves() {
        let c = catalog();
        let mut ids = std::collections::HashSet::new();
        for e in &c.entry {
            assert!(ids.insert(e.id), "duplicate entry {}", e.id);
        }
        for e in &c.entry {
            for id in [e.title, e.cause] {
                assert!(texts::entry(id).is_some(), "{}: no text {id}", e.id);
            }
            for r in &e.related {
                assert!(c.entry(r).is_some() && *r != e.id, "{}: bad related {r}", e.id);
            }
            for l in &e.links {
                assert!(c.link(l).is_some(), "{}: no link {l}", e.id);
            }
            assert!(!e.quote.is_empty(), "{}: no quote", e.id);
            for q in &e.quote {
                assert!(texts::entry(q.text).is_some(), "{}: no text {}", e.id, q.text);
            }
            assert!(!e.variant.is_empty(), "{}: no variant", e.id);
            let last = e.variant.last().expect("a variant");
            assert!(last.role.is_none() && last.ages.is_none(), "{}: the last variant must fit anyone", e.id);
            for v in &e.variant {
                assert!(!v.steps.is_empty(), "{}: a variant without steps", e.id);
                for s in &v.steps {
                    assert!(texts::entry(s).is_some(), "{}: no text {s}", e.id);
                }
                if let Some(kind) = v.contact {
                    assert!(c.contact(kind, None).is_some(), "{}: no generic contact {kind}", e.id);
                }
            }
        }
        for contact in &c.contact {
            assert!(texts::entry(contact.text).is_some(), "no text {}", contact.text);
            if let Some(r) = contact.region {
                assert!(c.region(r).is_some(), "contact for unknown region {r}");
            }
        }
        for r in &c.region {
            for l in &r.links {
                assert!(c.link(l).is_some(), "region {}: no link {l}", r.id);
            }
        }
        for l in &c.link {
            assert!(texts::entry(l.label).is_some(), "no text {}", l.label);
            assert!(l.url.starts_with("https://") || l.url.starts_with("http://"));
        }
    }

    #[test]
    fn required_regions_exist() {
        for id in ["generic", "kuzbass", "ryazan", "orenburg"] {
            assert!(catalog().region(id).is_some(), "{id}");
        }
    }
}
