//! Dates as news writes them: datelines ("KYIV, October 10, 2022 —",
//! "BRUSSELS, 2023-07-12 (Reuters) -"), explicit dates ("March 3, 2024",
//! "3 March 2024", "2024-03-03"), weekdays ("on Monday", "last Friday") and
//! relative words ("yesterday", "last week"), the last two resolved against
//! the document's date. The words are those of `data/dates.tsv`; the calendar
//! arithmetic (proleptic Gregorian, years 1000 to 9999) is here. Nothing in
//! this module panics on any input: a date that does not exist (February 30)
//! is no date.

use super::{alternatives, data_lines, WordMap};
use std::sync::OnceLock;

const DATES: &str = include_str!("../../data/dates.tsv");

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year, 1000 to 9999 (four digits, as ISO 8601 writes it).
    pub year: i32,
    /// Month, 1 to 12.
    pub month: u32,
    /// Day of the month, 1 to its length.
    pub day: u32,
}

fn leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn month_len(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

fn year_ok(y: i32) -> bool {
    (1000..=9999).contains(&y)
}

impl Date {
    /// The day, if it exists (no February 30) and its year has four digits.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        (year_ok(year) && day >= 1 && day <= month_len(year, month)).then_some(Date {
            year,
            month,
            day,
        })
    }

    /// The day an ISO 8601 date or timestamp starts with ("2024-03-03",
    /// "2024-03-03T10:00:00Z"); `None` for a partial or malformed one.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.trim().as_bytes();
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let d = b.get(r)?;
            if !d.iter().all(u8::is_ascii_digit) {
                return None;
            }
            std::str::from_utf8(d).ok()?.parse().ok()
        };
        if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return None;
        }
        if b.get(10).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        Date::new(num(0..4)? as i32, num(5..7)?, num(8..10)?)
    }

    /// `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Days since 1970-01-01 (negative before).
    fn days(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    fn from_days(z: i64) -> Option<Date> {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = yoe + era * 400 + i64::from(m <= 2);
        Date::new(i32::try_from(y).ok()?, m, d)
    }

    /// The day `n` days later (earlier when negative), within the years kept.
    pub fn add_days(&self, n: i64) -> Option<Date> {
        Date::from_days(self.days().checked_add(n)?)
    }

    /// ISO weekday: Monday 1 ... Sunday 7.
    pub fn weekday(&self) -> u32 {
        // 1970-01-01 was a Thursday (4).
        ((self.days() + 3).rem_euclid(7) + 1) as u32
    }
}

/// Which way a weekday points from the document's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// "on Monday": the most recent one, the document's day included.
    OnOrBefore,
    /// "last Monday": the most recent one before the document's day.
    Before,
    /// "next Monday": the first one after the document's day.
    After,
}

/// A unit of a relative date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Days.
    Day,
    /// Weeks of seven days.
    Week,
    /// Calendar months (the result is a month, `YYYY-MM`).
    Month,
    /// Calendar years (the result is a year, `YYYY`).
    Year,
}

/// A date expression as written, before it is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expr {
    /// A full date ("March 3, 2024", "2024-03-03").
    Full(Date),
    /// Month and day without a year ("Oct 10", "3 March").
    MonthDay(u32, u32),
    /// Month and year ("March 2024").
    MonthYear(i32, u32),
    /// A weekday (1 = Monday).
    Weekday(u32, Direction),
    /// An offset from the document's date ("yesterday": -1 day).
    Relative(i64, Unit),
}

/// A date expression found in a text, with its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// What it says.
    pub expr: Expr,
}

impl Found {
    /// The date it names, as a (possibly partial) ISO 8601 string; expressions
    /// that need a reference (a weekday, "yesterday", a day without a year)
    /// resolve against `reference`, the document's date, and are `None`
    /// without one.
    pub fn resolve(&self, reference: Option<Date>) -> Option<String> {
        match self.expr {
            Expr::Full(d) => Some(d.iso()),
            Expr::MonthYear(y, m) => Some(format!("{y:04}-{m:02}")),
            Expr::MonthDay(m, d) => {
                let r = reference?;
                match Date::new(r.year, m, d) {
                    Some(x) if x <= r => Some(x.iso()),
                    _ => Date::new(r.year - 1, m, d).map(|x| x.iso()),
                }
            }
            Expr::Weekday(w, dir) => {
                let r = reference?;
                let back = (i64::from(r.weekday()) - i64::from(w)).rem_euclid(7);
                let shift = match dir {
                    Direction::OnOrBefore => -back,
                    Direction::Before if back == 0 => -7,
                    Direction::Before => -back,
                    Direction::After => {
                        let fwd = (i64::from(w) - i64::from(r.weekday())).rem_euclid(7);
                        if fwd == 0 {
                            7
                        } else {
                            fwd
                        }
                    }
                };
                r.add_days(shift).map(|d| d.iso())
            }
            Expr::Relative(n, unit) => {
                let r = reference?;
                match unit {
                    Unit::Day => r.add_days(n).map(|d| d.iso()),
                    Unit::Week => r.add_days(n.checked_mul(7)?).map(|d| d.iso()),
                    Unit::Month => {
                        let months = i64::from(r.year) * 12 + i64::from(r.month) - 1 + n;
                        let (y, m) = (months.div_euclid(12), months.rem_euclid(12) + 1);
                        let y = i32::try_from(y).ok().filter(|y| year_ok(*y))?;
                        Some(format!("{y:04}-{m:02}"))
                    }
                    Unit::Year => {
                        let y = i64::from(r.year) + n;
                        let y = i32::try_from(y).ok().filter(|y| year_ok(*y))?;
                        Some(format!("{y:04}"))
                    }
                }
            }
        }
    }
}

/// The calendar words of `data/dates.tsv`.
#[derive(Debug, Default)]
pub struct Calendar {
    months: WordMap<String, u32>,
    weekdays: WordMap<String, u32>,
    directions: WordMap<String, Direction>,
    /// Relative phrases, by their first word: (the words, offset, unit).
    relative: WordMap<String, Vec<(Vec<String>, i64, Unit)>>,
}

/// The built-in calendar words, parsed on first use.
pub fn calendar() -> &'static Calendar {
    static CAL: OnceLock<Calendar> = OnceLock::new();
    CAL.get_or_init(|| Calendar::parse(DATES))
}

impl Calendar {
    /// Parses a file in the format of `data/dates.tsv`; lines it does not
    /// understand are left out (the built-in file is checked by a test).
    pub fn parse(src: &str) -> Calendar {
        let mut c = Calendar::default();
        for (_, f) in data_lines(src) {
            let value = f.get(2).copied().unwrap_or("");
            let words = alternatives(f.get(1)).map(str::to_lowercase);
            match f.first().copied() {
                Some("month") => {
                    if let Ok(n @ 1..=12) = value.parse::<u32>() {
                        c.months.extend(words.map(|w| (w, n)));
                    }
                }
                Some("weekday") => {
                    if let Ok(n @ 1..=7) = value.parse::<u32>() {
                        c.weekdays.extend(words.map(|w| (w, n)));
                    }
                }
                Some("direction") => {
                    let d = match value {
                        "before" => Direction::Before,
                        "after" => Direction::After,
                        _ => continue,
                    };
                    c.directions.extend(words.map(|w| (w, d)));
                }
                Some("relative") => {
                    let mut v = value.split_whitespace();
                    let n = v.next().and_then(|n| n.parse::<i64>().ok());
                    let unit = match v.next() {
                        Some("day") => Unit::Day,
                        Some("week") => Unit::Week,
                        Some("month") => Unit::Month,
                        Some("year") => Unit::Year,
                        _ => continue,
                    };
                    let Some(n) = n else { continue };
                    for w in words {
                        let ws: Vec<String> = w.split_whitespace().map(str::to_string).collect();
                        if let Some(first) = ws.first() {
                            c.relative
                                .entry(first.clone())
                                .or_default()
                                .push((ws, n, unit));
                        }
                    }
                }
                _ => {}
            }
        }
        for v in c.relative.values_mut() {
            // The longest phrase first: "last week" before "last".
            v.sort_by_key(|(ws, _, _)| std::cmp::Reverse(ws.len()));
        }
        c
    }

    /// How many entries of each kind were read (months, weekdays, relative
    /// phrases, directions), for the file's test.
    pub fn counts(&self) -> [usize; 4] {
        [
            self.months.len(),
            self.weekdays.len(),
            self.relative.values().map(Vec::len).sum(),
            self.directions.len(),
        ]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Num,
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    start: usize,
    end: usize,
    kind: Kind,
    text: &'a str,
}

/// Words, numbers (an ordinal suffix kept: "3rd") and single punctuation marks.
fn tokens(text: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let kind = if c.is_alphabetic() {
            Kind::Word
        } else if c.is_ascii_digit() {
            Kind::Num
        } else if c.is_whitespace() {
            continue;
        } else {
            out.push(Tok {
                start: i,
                end: i + c.len_utf8(),
                kind: Kind::Punct(c),
                text: &text[i..i + c.len_utf8()],
            });
            continue;
        };
        let mut end = i + c.len_utf8();
        let mut digits_end = end;
        while let Some(&(j, d)) = it.peek() {
            let more = match kind {
                Kind::Word => d.is_alphabetic(),
                _ => d.is_ascii_digit() || (d.is_ascii_alphabetic() && j > i),
            };
            if !more {
                break;
            }
            if kind == Kind::Num && d.is_ascii_digit() && digits_end == j {
                digits_end = j + 1;
            }
            end = j + d.len_utf8();
            it.next();
        }
        // "3rd", "10th": the number is its digits; other letters glued to
        // digits ("5G", "F16") make no date number.
        let (kind, shown) = if kind == Kind::Num && digits_end != end {
            let suffix = text[digits_end..end].to_ascii_lowercase();
            if matches!(suffix.as_str(), "st" | "nd" | "rd" | "th") {
                (Kind::Num, &text[i..digits_end])
            } else {
                (Kind::Word, &text[i..end])
            }
        } else {
            (kind, &text[i..end])
        };
        out.push(Tok {
            start: i,
            end,
            kind,
            text: shown,
        });
    }
    out
}

fn capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

impl Calendar {
    fn month(&self, t: Option<&Tok>) -> Option<u32> {
        let t = t?;
        (t.kind == Kind::Word && capitalized(t.text))
            .then(|| self.months.get(&t.text.to_lowercase()).copied())
            .flatten()
    }

    /// Every date expression in `text`, in order, none overlapping.
    pub fn find(&self, text: &str) -> Vec<Found> {
        let toks = tokens(text);
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            match self.match_at(text, &toks, i) {
                Some((f, next)) => {
                    out.extend(f);
                    i = next.max(i + 1);
                }
                None => i += 1,
            }
        }
        out
    }

    /// The expression starting at token `i` and the token after it; a date
    /// that does not exist ("31 April 2024") is consumed whole as no date, so
    /// no part of it ("April 2024") is taken for one.
    fn match_at(&self, text: &str, t: &[Tok], i: usize) -> Option<(Option<Found>, usize)> {
        let found = |a: usize, b: usize, expr| {
            Some((
                Some(Found {
                    start: t[a].start,
                    end: t[b - 1].end,
                    expr,
                }),
                b,
            ))
        };
        let full = |a: usize, b: usize, date: Option<Date>| match date {
            Some(x) => found(a, b, Expr::Full(x)),
            None => Some((None, b)),
        };
        let word = |k: usize| t.get(k).filter(|x| x.kind == Kind::Word);
        let num = |k: usize, max_len: usize| -> Option<u32> {
            let x = t
                .get(k)
                .filter(|x| x.kind == Kind::Num && x.text.len() <= max_len)?;
            x.text.parse().ok()
        };
        let year = |k: usize| -> Option<i32> {
            let x = t
                .get(k)
                .filter(|x| x.kind == Kind::Num && x.text.len() == 4)?;
            x.text.parse().ok().filter(|y| year_ok(*y))
        };
        let punct = |k: usize, c: char| t.get(k).is_some_and(|x| x.kind == Kind::Punct(c));
        if let Some(w) = word(i) {
            let lower = w.text.to_lowercase();
            for (ws, n, unit) in self.relative.get(&lower).into_iter().flatten() {
                let all = ws.iter().enumerate().all(|(k, x)| {
                    word(i + k).is_some_and(|y| y.text.to_lowercase() == *x)
                        && (k == 0 || t[i + k - 1].end < t[i + k].start)
                });
                if all {
                    return found(i, i + ws.len(), Expr::Relative(*n, *unit));
                }
            }
            let weekday = |k: usize| {
                word(k)
                    .filter(|x| capitalized(x.text))
                    .and_then(|x| self.weekdays.get(&x.text.to_lowercase()).copied())
            };
            if let (Some(d), Some(w)) = (self.directions.get(&lower), weekday(i + 1)) {
                return found(i, i + 2, Expr::Weekday(w, *d));
            }
            if let Some(w) = weekday(i) {
                return found(i, i + 1, Expr::Weekday(w, Direction::OnOrBefore));
            }
        }
        if let Some(m) = self.month(t.get(i)) {
            let j = if punct(i + 1, '.') { i + 2 } else { i + 1 };
            if let Some(d) = num(j, 2) {
                let k = if punct(j + 1, ',') { j + 2 } else { j + 1 };
                return match year(k) {
                    Some(y) => full(i, k + 1, Date::new(y, m, d)),
                    None => (d >= 1 && d <= month_len(2000, m))
                        .then(|| found(i, j + 1, Expr::MonthDay(m, d)))
                        .flatten(),
                };
            }
            if let Some(y) = year(j) {
                return found(i, j + 1, Expr::MonthYear(y, m));
            }
        }
        if let (Some(d), Some(m)) = (num(i, 2), self.month(t.get(i + 1))) {
            return match year(i + 2) {
                Some(y) => full(i, i + 3, Date::new(y, m, d)),
                None => (d >= 1 && d <= month_len(2000, m))
                    .then(|| found(i, i + 2, Expr::MonthDay(m, d)))
                    .flatten(),
            };
        }
        // 2024-03-03, written without spaces.
        if year(i).is_some() && punct(i + 1, '-') && punct(i + 3, '-') {
            let joined = t[i].end == t[i + 1].start
                && t.get(i + 2).is_some_and(|x| x.start == t[i + 1].end)
                && t[i + 3].start == t[i + 2].end
                && t.get(i + 4).is_some_and(|x| x.start == t[i + 3].end);
            if joined && num(i + 2, 2).is_some() && num(i + 4, 2).is_some() {
                return full(i, i + 5, Date::parse_iso(&text[t[i].start..t[i + 4].end]));
            }
        }
        None
    }

    /// The dateline at the start of a story: within its first lines, one that
    /// opens with an optional place in capitals ("KYIV,", "SULAIMANIYAH, Iraq,")
    /// then a date, an optional agency in parentheses and a dash
    /// ("KYIV, October 10, 2022 —", "BRUSSELS, 2023-07-12 (Reuters) -",
    /// "March 3, 2024 —"). Returns the date and where the dateline ends.
    pub fn dateline(&self, text: &str) -> Option<(Found, usize)> {
        let mut offset = 0;
        for line in text.split_inclusive('\n').take(6) {
            let at = offset;
            offset += line.len();
            if line.trim().is_empty() {
                continue;
            }
            if let Some(d) = self.dateline_in(line) {
                let f = Found {
                    start: d.0.start + at,
                    end: d.0.end + at,
                    expr: d.0.expr,
                };
                return Some((f, d.1 + at));
            }
        }
        None
    }

    fn dateline_in(&self, line: &str) -> Option<(Found, usize)> {
        let window = &line[..floor_boundary(line, 160)];
        let f = *self.find(window).first()?;
        if !matches!(
            f.expr,
            Expr::Full(_) | Expr::MonthDay(..) | Expr::MonthYear(..)
        ) {
            return None;
        }
        let before = window[..f.start].trim_start();
        if !before.is_empty() {
            let place = before.trim_end().strip_suffix(',')?;
            let first = place.split_whitespace().next()?;
            let caps = first.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !first.chars().any(char::is_lowercase);
            let plain = place
                .chars()
                .all(|c| c.is_alphabetic() || " ,.'’-/".contains(c));
            if !(caps && plain) {
                return None;
            }
        }
        let mut rest = window[f.end..].trim_start();
        if let Some(r) = rest.strip_prefix('(') {
            let close = r.find(')').filter(|&i| i <= 40)?;
            rest = r[close + 1..].trim_start();
        }
        let dash = ["—", "–", "--", "-", "―"]
            .iter()
            .find(|d| rest.starts_with(**d))?;
        let end = window.len() - rest.len() + dash.len();
        Some((f, end))
    }
}

/// The largest char boundary at or below `i`.
fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    fn resolve_all(text: &str, reference: Option<Date>) -> Vec<Option<String>> {
        calendar()
            .find(text)
            .iter()
            .map(|f| f.resolve(reference))
            .collect()
    }

    #[test]
    fn the_data_file_is_read_whole() {
        let [months, weekdays, relative, directions] = calendar().counts();
        assert!(months >= 24 && weekdays == 7 && relative >= 8 && directions >= 4);
    }

    #[test]
    fn calendar_arithmetic() {
        assert_eq!(d(2022, 10, 10).weekday(), 1);
        assert_eq!(d(2024, 3, 3).weekday(), 7);
        assert_eq!(d(2000, 2, 28).add_days(1), Some(d(2000, 2, 29)));
        assert_eq!(d(1900, 2, 28).add_days(1), Some(d(1900, 3, 1)));
        assert_eq!(d(2023, 12, 31).add_days(1), Some(d(2024, 1, 1)));
        assert_eq!(d(1970, 1, 1).add_days(-1), Some(d(1969, 12, 31)));
        for n in [-300_000i64, -1, 0, 1, 59, 365, 1_000_000] {
            let x = d(2001, 7, 15).add_days(n).unwrap();
            assert_eq!(x.add_days(-n), Some(d(2001, 7, 15)));
        }
    }

    #[test]
    fn impossible_days_and_years_are_no_dates() {
        assert_eq!(Date::new(2024, 2, 30), None);
        assert_eq!(Date::new(2023, 2, 29), None);
        assert!(Date::new(2024, 2, 29).is_some());
        assert_eq!(Date::new(2024, 13, 1), None);
        assert_eq!(Date::new(2024, 0, 1), None);
        assert_eq!(Date::new(999, 1, 1), None);
        assert_eq!(Date::new(10_000, 1, 1), None);
        assert_eq!(d(9999, 12, 31).add_days(1), None);
        assert_eq!(d(1000, 1, 1).add_days(-1), None);
        assert_eq!(d(2000, 1, 1).add_days(i64::MAX), None);
        assert_eq!(Date::parse_iso("2024-02-30"), None);
        assert_eq!(Date::parse_iso("2024-03"), None);
        assert_eq!(Date::parse_iso("2024-03-031"), None);
        assert_eq!(Date::parse_iso("2024-3-03"), None);
        assert_eq!(Date::parse_iso("20é4-03-03"), None);
        assert_eq!(Date::parse_iso("2024-03-03T10:00:00Z"), Some(d(2024, 3, 3)));
        assert_eq!(resolve_all("on February 30, 2024 and 2023-02-29", None), []);
        assert_eq!(resolve_all("31 April 2024", None), []);
    }

    #[test]
    fn explicit_dates_in_every_common_form() {
        let r = resolve_all(
            "on March 3, 2024; 3 March 2024; 2024-03-03; Oct. 10, 2022; the 3rd March 2024; in March 2024",
            None,
        );
        let want = [
            "2024-03-03",
            "2024-03-03",
            "2024-03-03",
            "2022-10-10",
            "2024-03-03",
            "2024-03",
        ];
        assert_eq!(r, want.map(|s| Some(s.to_string())));
    }

    #[test]
    fn weekdays_and_relative_words_resolve_against_the_document_date() {
        // 2022-10-10 was a Monday.
        let r = Some(d(2022, 10, 10));
        let got = resolve_all(
            "on Monday, on Sunday, last Monday, next Monday, yesterday, last week, today, last month, last year, on Oct 12, on 9 October",
            r,
        );
        let want = [
            "2022-10-10",
            "2022-10-09",
            "2022-10-03",
            "2022-10-17",
            "2022-10-09",
            "2022-10-03",
            "2022-10-10",
            "2022-09",
            "2021",
            "2021-10-12",
            "2022-10-09",
        ];
        assert_eq!(got, want.map(|s| Some(s.to_string())));
        // Without a document date they mean nothing.
        assert!(resolve_all("on Monday, yesterday", None)
            .iter()
            .all(Option::is_none));
        assert_eq!(
            calendar().find("on Feb 29").first().unwrap().resolve(r),
            None,
            "no Feb 29 in 2022 or 2021"
        );
    }

    #[test]
    fn words_that_only_look_like_dates_are_not() {
        for s in [
            "a march on the capital",
            "Jan Lipavsky said",
            "they may 3D-print",
            "monday",
            "The Sun reported",
            "an F-16 and 5G masts",
            "page 12-34-56",
            "May",
        ] {
            assert_eq!(calendar().find(s), [], "{s}");
        }
    }

    #[test]
    fn datelines_in_the_wire_forms() {
        let cal = calendar();
        for (text, want) in [
            ("KYIV, October 10, 2022 — Russia", Some("2022-10-10")),
            ("BRUSSELS, 2023-07-12 (Reuters) - The", Some("2023-07-12")),
            ("March 3, 2024 — The", Some("2024-03-03")),
            ("SULAIMANIYAH, Iraq, 5 May 2021 -- Two", Some("2021-05-05")),
            (
                "# Headline\n\nKYIV, Oct. 10, 2022 — Russia",
                Some("2022-10-10"),
            ),
            ("LONDON, Oct 10 (AP) — The", None),
            ("The talks on March 3, 2024 — a first", None),
            ("Kyiv, October 10, 2022 — lower case place", None),
        ] {
            let got = cal.dateline(text).and_then(|(f, end)| {
                assert!(text.is_char_boundary(end) && end <= text.len());
                f.resolve(None)
            });
            assert_eq!(got.as_deref(), want, "{text}");
        }
        // A dateline without a year needs the document's date for one.
        let (f, _) = cal.dateline("LONDON, Oct 10 (AP) — The").unwrap();
        assert_eq!(
            f.resolve(Some(d(2023, 1, 2))).as_deref(),
            Some("2022-10-10")
        );
    }

    #[test]
    fn any_text_is_scanned_without_panicking() {
        let cal = calendar();
        for s in [
            "",
            "-",
            "2024-",
            "2024-03-",
            "9999-12-31 and 0000-00-00 and 99999-01-01",
            "March",
            "March 99, 2024",
            "March 3, 99999",
            "3 March",
            "ÉTÉ, 2024-03-03 — é",
            "KYIV, October 10, 2022 (unclosed — x",
            "on Monday 2147483648 March",
            "\u{1F600} Oct. 10",
        ] {
            for f in cal.find(s) {
                let _ = f.resolve(Some(d(9999, 12, 31)));
                let _ = f.resolve(Some(d(1000, 1, 1)));
                assert!(f.start <= f.end && f.end <= s.len());
            }
            let _ = cal.dateline(s);
        }
    }
}
