//! Reading a file the way it is written, or not at all. serde left to itself reads a JSON
//! list where an object belongs by position (`"data": []` would be an empty workbook) and
//! passes over a key the type does not know (the next save would drop a newer version's
//! field). [`Strict`] wraps any deserializer and refuses both, at every depth;
//! `serde_path_to_error` around it names where. Text encodings other than UTF-8 are told
//! apart here too, so a message can say what the file is.

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess};
use serde::de::{VariantAccess, Visitor};

use super::envelope::{DecodeError, strip_position};

/// The reason given for a key the type does not know (told apart from other errors by it).
const UNKNOWN_KEY: &str = "a key this version does not know";
/// The reason given for a list in place of an object.
const LIST_FOR_OBJECT: &str = "a list where an object belongs";

/// The file's text as UTF-8 without a byte-order mark, or what encoding it is in instead.
pub fn utf8_text(bytes: &[u8]) -> Result<&[u8], DecodeError> {
    let text = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let head = &text[..text.len().min(64)];
    let encoding = if head.starts_with(b"\xff\xfe\0\0") || head.starts_with(b"\0\0\xfe\xff") {
        Some("UTF-32")
    } else if head.starts_with(b"\xff\xfe") || head.starts_with(b"\xfe\xff") {
        Some("UTF-16")
    } else {
        // Without a mark: JSON starts with an ASCII character, which these encodings pad
        // with zero bytes (a file of zeros is simply damaged).
        match text.get(..4) {
            Some([a, 0, 0, 0]) if *a != 0 => Some("UTF-32"),
            Some([0, 0, 0, a]) if *a != 0 => Some("UTF-32"),
            Some([a, 0, _, _]) if *a != 0 => Some("UTF-16"),
            Some([0, a, _, _]) if *a != 0 => Some("UTF-16"),
            _ => None,
        }
    };
    match encoding {
        Some(found) => Err(DecodeError::NotUtf8 { found }),
        None => Ok(text),
    }
}

/// Reads a `T` from JSON text that must be exactly one `T`: nothing after it, no list for an
/// object, no key `T` does not know. The error names the path of the problem.
pub fn from_slice<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, DecodeError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(Strict(&mut de)).map_err(|e| {
        let path = e.path().to_string();
        let e = e.into_inner();
        // serde_json calls some wrong shapes (a list for a choice) a syntax error; in JSON
        // that reads, it is the value at `path` that is wrong.
        let syntax = e.classify() == serde_json::error::Category::Syntax;
        let reads = || {
            std::str::from_utf8(bytes).is_ok()
                && serde_json::from_slice::<de::IgnoredAny>(bytes).is_ok()
        };
        if syntax && path != "." && reads() {
            return DecodeError::Field {
                field: path,
                line: e.line(),
                column: e.column(),
                reason: "not a value this field can hold".into(),
            };
        }
        refusal(&path, &e)
    })?;
    de.end().map_err(|e| refusal(".", &e))?;
    Ok(value)
}

/// A parse as [`from_slice`] does it, without saying why it failed (for the fast path: a
/// failure goes the careful way, which says). The text is checked as UTF-8 once, whole: the
/// parser then takes each string as it is.
pub fn quietly<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Option<T> {
    let text = std::str::from_utf8(bytes).ok()?;
    let mut de = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(Strict(&mut de)).ok()?;
    de.end().ok()?;
    Some(value)
}

/// The first keys of a file that must be a JSON object, read without the rest being
/// checked (that is for [`from_slice`], once the head says what the file is).
pub fn object_head<'a, H: Deserialize<'a>>(bytes: &'a [u8]) -> Result<H, DecodeError> {
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if first != Some(&b'{') {
        // Not an object; unless it is not JSON at all, which the parser says with a position.
        serde_json::from_slice::<de::IgnoredAny>(bytes).map_err(|e| refusal(".", &e))?;
        let what = match first {
            Some(b'[') => "a list",
            Some(b'"') => "a text",
            _ => "a single value",
        };
        return Err(DecodeError::NotMentorbook {
            reason: format!("the whole file is {what}, not an object with a \"format\" key"),
        });
    }
    serde_json::from_slice(bytes).map_err(|e| refusal(".", &e))
}

/// The check every file of ours gets from its first keys, before its content is read: its
/// `format` is `want`, and its `schema_version` a version this app reads (up to `newest`; a
/// newer one is named as such). The version read.
pub fn check_head(
    format: Option<&serde_json::Value>,
    version: Option<&serde_json::Value>,
    want: &str,
    newest: u64,
) -> Result<u64, DecodeError> {
    if format.and_then(|f| f.as_str()) != Some(want) {
        return Err(DecodeError::NotMentorbook {
            reason: format!("its \"format\" is not \"{want}\""),
        });
    }
    match version.and_then(|v| v.as_u64()) {
        Some(v) if v > newest => Err(DecodeError::FutureVersion { found: v }),
        Some(v) if v >= 1 => Ok(v),
        _ => Err(DecodeError::NotMentorbook {
            reason: "its \"schema_version\" is missing or not a positive whole number".into(),
        }),
    }
}

/// A JSON error at `path` (as `serde_path_to_error` writes it, "." for the top level) as the
/// reason a file is refused.
pub fn refusal(path: &str, e: &serde_json::Error) -> DecodeError {
    let reason = strip_position(&e.to_string());
    let field = if path == "." { "" } else { path }.to_string();
    if e.classify() != serde_json::error::Category::Data {
        if reason.starts_with("recursion limit") {
            return DecodeError::NotMentorbook {
                reason: format!(
                    "at line {}, values nest deeper than any workbook's ({reason})",
                    e.line()
                ),
            };
        }
        return DecodeError::Syntax {
            line: e.line(),
            column: e.column(),
            reason,
        };
    }
    if reason == UNKNOWN_KEY {
        return DecodeError::UnknownField { field };
    }
    let reason = match reason
        .strip_prefix("duplicate field `")
        .and_then(|r| r.strip_suffix('`'))
    {
        Some(key) => format!("the key \"{key}\" is given twice (only one can be kept)"),
        None => reason,
    };
    DecodeError::Field {
        field,
        line: e.line(),
        column: e.column(),
        reason,
    }
}

/// A deserializer, seed or access that refuses what a workbook's file never holds.
pub struct Strict<T>(pub T);

/// A visitor whose nested values are read strictly; `object` if it wants a struct.
struct Wrap<V> {
    inner: V,
    object: bool,
}

impl<V> Wrap<V> {
    fn any(inner: V) -> Self {
        Wrap {
            inner,
            object: false,
        }
    }
}

macro_rules! forward_deserialize {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            self.0.$method(Wrap::any(visitor))
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Strict<D> {
    type Error = D::Error;

    forward_deserialize! {
        deserialize_any deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32
        deserialize_i64 deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32
        deserialize_u64 deserialize_u128 deserialize_f32 deserialize_f64 deserialize_char
        deserialize_str deserialize_string deserialize_bytes deserialize_byte_buf
        deserialize_option deserialize_unit deserialize_seq deserialize_map
        deserialize_identifier
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_unit_struct(name, Wrap::any(visitor))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_newtype_struct(name, Wrap::any(visitor))
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple(len, Wrap::any(visitor))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0
            .deserialize_tuple_struct(name, len, Wrap::any(visitor))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let object = Wrap {
            inner: visitor,
            object: true,
        };
        self.0.deserialize_struct(name, fields, object)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_enum(name, variants, Wrap::any(visitor))
    }

    /// A derived struct asks for this only for a key it does not know.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, D::Error> {
        Err(de::Error::custom(UNKNOWN_KEY))
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

macro_rules! forward_visit {
    ($($method:ident: $ty:ty)*) => {$(
        fn $method<E: de::Error>(self, v: $ty) -> Result<V::Value, E> {
            self.inner.$method(v)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        self.inner.expecting(f)
    }

    forward_visit! {
        visit_bool: bool visit_i8: i8 visit_i16: i16 visit_i32: i32 visit_i64: i64
        visit_i128: i128 visit_u8: u8 visit_u16: u16 visit_u32: u32 visit_u64: u64
        visit_u128: u128 visit_f32: f32 visit_f64: f64 visit_char: char visit_str: &str
        visit_borrowed_str: &'de str visit_string: String visit_bytes: &[u8]
        visit_borrowed_bytes: &'de [u8] visit_byte_buf: Vec<u8>
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.inner.visit_some(Strict(d))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.inner.visit_newtype_struct(Strict(d))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        if self.object {
            return Err(de::Error::custom(LIST_FOR_OBJECT));
        }
        self.inner.visit_seq(Strict(seq))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.inner.visit_map(Strict(map))
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.inner.visit_enum(Strict(data))
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Strict<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(Strict(d))
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Strict<A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        self.0.next_element_seed(Strict(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Strict<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.0.next_key_seed(Strict(seed))
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.0.next_value_seed(Strict(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for Strict<A> {
    type Error = A::Error;
    type Variant = Strict<A::Variant>;

    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Self::Variant), A::Error> {
        let (value, variant) = self.0.variant_seed(Strict(seed))?;
        Ok((value, Strict(variant)))
    }
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for Strict<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.0.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        self.0.newtype_variant_seed(Strict(seed))
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.0.tuple_variant(len, Wrap::any(visitor))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        let object = Wrap {
            inner: visitor,
            object: true,
        };
        self.0.struct_variant(fields, object)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Default, PartialEq, Deserialize)]
    #[serde(default)]
    struct Inner {
        a: String,
        list: Vec<Inner>,
    }

    #[derive(Debug, Default, PartialEq, Deserialize)]
    #[serde(default)]
    struct Outer {
        inner: Inner,
        maybe: Option<Inner>,
    }

    fn field_of(json: &str) -> (String, String) {
        match from_slice::<Outer>(json.as_bytes()).unwrap_err() {
            DecodeError::Field { field, reason, .. } => (field, reason),
            DecodeError::UnknownField { field } => (field, UNKNOWN_KEY.into()),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_list_for_an_object_is_refused_at_any_depth() {
        assert_eq!(from_slice::<Outer>(b"{}").unwrap(), Outer::default());
        // serde alone takes each of these, by position.
        assert!(serde_json::from_str::<Outer>(r#"{"inner": []}"#).is_ok());
        assert_eq!(field_of("[]"), ("".into(), LIST_FOR_OBJECT.into()));
        assert_eq!(field_of(r#"{"inner": []}"#).0, "inner");
        assert_eq!(field_of(r#"{"maybe": ["x"]}"#).0, "maybe");
        assert_eq!(
            field_of(r#"{"inner": {"list": [{}, []]}}"#).0,
            "inner.list[1]"
        );
    }

    #[test]
    fn an_unknown_key_is_refused_at_any_depth_before_its_value_is_read() {
        assert_eq!(
            field_of(r#"{"new": 1}"#),
            ("new".into(), UNKNOWN_KEY.into())
        );
        assert_eq!(
            field_of(r#"{"inner": {"list": [{"b": 2}]}}"#).0,
            "inner.list[0].b"
        );
        let deep = format!(
            r#"{{"inner": {{"x": {}1{}}}}}"#,
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert_eq!(field_of(&deep).0, "inner.x");
    }

    #[test]
    fn a_duplicate_key_is_named_with_where_it_is() {
        let (field, reason) = field_of(r#"{"inner": {"a": "x", "a": "y"}}"#);
        assert_eq!(field, "inner");
        assert!(reason.contains("\"a\" is given twice"), "{reason}");
    }

    #[test]
    fn other_encodings_are_named_and_a_byte_order_mark_is_read_past() {
        assert_eq!(utf8_text(b"\xef\xbb\xbf{}").unwrap(), b"{}");
        for (bytes, found) in [
            (&b"\xff\xfe{\0}\0"[..], "UTF-16"),
            (b"\xfe\xff\0{\0}", "UTF-16"),
            (b"{\0\"\0", "UTF-16"),
            (b"\0{\0\"", "UTF-16"),
            (b"\xff\xfe\0\0{\0\0\0", "UTF-32"),
            (b"{\0\0\0\"\0\0\0", "UTF-32"),
        ] {
            assert_eq!(utf8_text(bytes), Err(DecodeError::NotUtf8 { found }));
        }
        assert!(
            utf8_text(&[0; 64]).is_ok(),
            "zeros are damage, not an encoding"
        );
    }
}
