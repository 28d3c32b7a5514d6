//! Closed sets of values with stable string ids: roles, actors, statuses,
//! problems, kinds. Each one is declared once with [`closed_set!`], which
//! gives the enum, its ids (the JS API's string values, the data files'
//! words), a parser over exactly those ids and the [`Id`] trait that generic
//! code (the JS boundary's readers and writers, the TypeScript unions, the
//! build script's validation) goes through.
//!
//! ```
//! use diary_rules::Id;
//! use diary_rules::records::DifferenceKind;
//! assert_eq!(DifferenceKind::parse("yo_e"), Some(DifferenceKind::YoE));
//! assert_eq!(<DifferenceKind as Id>::IDS.len(), DifferenceKind::ALL.len());
//! assert!(DifferenceKind::ALL.iter().all(|k| DifferenceKind::parse(k.id()) == Some(*k)));
//! ```

/// A closed set of values, each with a stable id.
pub trait Id: Copy + Eq + 'static {
    /// Every value, in declaration order.
    const ALL: &'static [Self];
    /// Every id, in declaration order (`IDS[i] == ALL[i].id()`).
    const IDS: &'static [&'static str];
    /// The stable id.
    fn id(self) -> &'static str;
    /// The value whose id is exactly `id`.
    fn parse(id: &str) -> Option<Self>;
}

/// Declares a closed set: the enum (`Debug, Clone, Copy, PartialEq, Eq,
/// Hash` and serde by id), inherent `ALL` (an array), `IDS`, `id()` and
/// `parse()`, and the [`Id`] impl. Exported (as `id::closed_set`) for the
/// widget's own closed sets; the caller needs `serde` as a dependency.
#[doc(hidden)]
#[macro_export]
macro_rules! __closed_set {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $id:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name { $(#[doc = concat!("`\"", $id, "\"`")] $(#[$vmeta])* #[serde(rename = $id)] $variant),+ }

        #[allow(dead_code)]
        impl $name {
            /// Every value, in declaration order.
            pub const ALL: [$name; [$($id),+].len()] = [$($name::$variant),+];
            /// Every id, in declaration order.
            pub const IDS: &'static [&'static str] = &[$($id),+];

            /// The stable id (the string the JS API and the data use).
            pub const fn id(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }

            /// The value whose id is exactly `id`.
            pub fn parse(id: &str) -> Option<$name> {
                match id { $($id => Some($name::$variant),)+ _ => None }
            }
        }

        impl $crate::id::Id for $name {
            const ALL: &'static [$name] = &$name::ALL;
            const IDS: &'static [&'static str] = $name::IDS;
            fn id(self) -> &'static str {
                $name::id(self)
            }
            fn parse(id: &str) -> Option<$name> {
                $name::parse(id)
            }
        }
    };
}
#[doc(inline)]
pub use __closed_set as closed_set;
