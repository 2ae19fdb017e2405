//! Choosing a workbook: at start-up, when several exist and none was named, and from inside
//! the app (`W`). Each row says where that relationship stands; a workbook without names
//! asks whose it is and who the partners are before it opens.

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::model::Role;
use crate::theme::THEME;
use crate::ui::widgets;

/// One workbook as the picker lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// Its name in the data folder.
    pub name: String,
    /// Its partners and where the relationship stands.
    pub about: String,
    /// Neither partner is named yet: opening it asks.
    pub unnamed: bool,
}

/// Whose workbook it is and the partners' names, as answered in the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub role: Role,
    pub mentee: String,
    pub mentor: String,
}

/// The question being asked about an unnamed workbook before it opens.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Role,
    Mentee,
    Mentor,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Asking {
    index: usize,
    step: Step,
    identity: Identity,
}

/// The list, the option under the cursor, and a question on the way to opening one.
#[derive(Debug, Clone)]
pub struct Picker {
    pub choices: Vec<Choice>,
    pub selected: usize,
    /// The workbook open now, when switching from inside the app: marked, and selected first.
    pub current: Option<usize>,
    asking: Option<Asking>,
}

/// What a key did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Open this one, with the names given for it when it had none.
    Open(usize, Option<Identity>),
    Quit,
}

const ROLES: [(Role, &str); 2] = [
    (Role::Mentee, "mentee   I am the one being mentored"),
    (Role::Mentor, "mentor   I mentor the other person"),
];

impl Picker {
    /// A picker over `choices`; `current` is the workbook open now, if any.
    pub fn new(choices: Vec<Choice>, current: Option<usize>) -> Picker {
        Picker {
            selected: current.unwrap_or(0),
            choices,
            current,
            asking: None,
        }
    }

    /// Applies a key. In the list: arrows (and j/k) move, Enter opens, Esc, q and Ctrl-c
    /// leave. While asking about an unnamed workbook: Enter answers, Esc opens it as it is
    /// (names are never required).
    pub fn key(&mut self, key: KeyEvent) -> Option<Outcome> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            return Some(Outcome::Quit);
        }
        if let Some(asking) = self.asking.take() {
            return self.answer(asking, key);
        }
        let n = self.choices.len();
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => self.selected = self.selected.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => {
                self.selected = (self.selected + 1).min(n.saturating_sub(1));
            }
            KeyCode::Home => self.selected = 0,
            KeyCode::End => self.selected = n.saturating_sub(1),
            KeyCode::Enter if n == 0 => {}
            KeyCode::Enter if self.choices[self.selected].unnamed => {
                self.asking = Some(Asking {
                    index: self.selected,
                    step: Step::Role,
                    identity: Identity {
                        role: Role::Mentee,
                        mentee: String::new(),
                        mentor: String::new(),
                    },
                });
            }
            KeyCode::Enter => return Some(Outcome::Open(self.selected, None)),
            KeyCode::Esc | KeyCode::Char('q') => return Some(Outcome::Quit),
            _ => {}
        }
        None
    }

    /// A key while asking whose workbook it is and who the partners are.
    fn answer(&mut self, mut a: Asking, key: KeyEvent) -> Option<Outcome> {
        let name = match a.step {
            Step::Role => None,
            Step::Mentee => Some(&mut a.identity.mentee),
            Step::Mentor => Some(&mut a.identity.mentor),
        };
        match (key.code, name) {
            (KeyCode::Esc, _) => return Some(Outcome::Open(a.index, None)),
            (KeyCode::Up | KeyCode::Char('k'), None) => a.identity.role = Role::Mentee,
            (KeyCode::Down | KeyCode::Char('j'), None) => a.identity.role = Role::Mentor,
            (KeyCode::Enter, _) => match a.step {
                Step::Role => a.step = Step::Mentee,
                Step::Mentee => a.step = Step::Mentor,
                Step::Mentor => {
                    let mut id = a.identity;
                    id.mentee = id.mentee.trim().to_string();
                    id.mentor = id.mentor.trim().to_string();
                    return Some(Outcome::Open(a.index, Some(id)));
                }
            },
            (KeyCode::Backspace, Some(text)) => {
                text.pop();
            }
            (KeyCode::Char(c), Some(text))
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
                    && text.chars().count() < 80 =>
            {
                text.push(c);
            }
            _ => {}
        }
        self.asking = Some(a);
        None
    }

    /// The rows as drawn: name, partners and status; the open workbook marked.
    fn rows(&self) -> Vec<String> {
        let width = (self.choices.iter())
            .map(|c| c.name.chars().count())
            .max()
            .unwrap_or(0);
        (self.choices.iter().enumerate())
            .map(|(k, c)| {
                let open = if Some(k) == self.current {
                    "  (open now)"
                } else {
                    ""
                };
                format!("{:<width$}  {}{open}", c.name, c.about)
            })
            .collect()
    }

    /// Draws the picker over the whole area.
    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        let [top, body, bottom] = area.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
        ]));
        buf.set_style(top, THEME.title_bar);
        Line::from(vec![
            Span::styled(" mentorbook ", THEME.app_name),
            Span::styled("│ Choose a workbook", THEME.title_bar),
        ])
        .render(top, buf);
        // Only the rows that fit, keeping the selection in view.
        let room = body.height.saturating_sub(6).max(1) as usize;
        let first = self.selected.saturating_sub(room - 1);
        let shown: Vec<String> = self.rows().into_iter().skip(first).take(room).collect();
        let intro = if self.current.is_some() {
            "Open another workbook? This one is saved and let go first."
        } else {
            "Several workbooks are in the data folder. Which one?"
        };
        widgets::pick_in(
            body,
            110,
            "Workbooks",
            intro,
            &shown,
            self.selected.saturating_sub(first),
            buf,
        );
        let keys: &[(&str, &str)] = match &self.asking {
            None if self.current.is_some() => {
                &[("↑↓", "choose"), ("Enter", "open"), ("q/Esc", "stay here")]
            }
            None => &[("↑↓", "choose"), ("Enter", "open"), ("q/Esc", "quit")],
            Some(Asking {
                step: Step::Role, ..
            }) => &[
                ("↑↓", "choose"),
                ("Enter", "next"),
                ("Esc", "open without names"),
            ],
            Some(_) => &[
                ("Enter", "next (empty: later)"),
                ("Esc", "open without names"),
            ],
        };
        let spans = (keys.iter()).flat_map(|(k, what)| {
            [
                Span::styled(*k, THEME.key),
                Span::styled(format!(" {what}  "), THEME.hint),
            ]
        });
        Line::from(spans.collect::<Vec<_>>()).render(bottom, buf);
        if let Some(a) = &self.asking {
            self.render_question(a, body, buf);
        }
    }

    fn render_question(&self, a: &Asking, area: Rect, buf: &mut Buffer) {
        let name = self.choices.get(a.index).map_or("", |c| c.name.as_str());
        match a.step {
            Step::Role => {
                let options: Vec<String> = ROLES.iter().map(|(_, s)| s.to_string()).collect();
                let selected = ROLES.iter().position(|(r, _)| *r == a.identity.role);
                widgets::pick(
                    area,
                    "Whose workbook",
                    &format!(
                        "“{name}” has no names yet. Whose workbook is it? Its prompts \
                         follow the answer."
                    ),
                    &options,
                    selected.unwrap_or(0),
                    buf,
                );
            }
            Step::Mentee | Step::Mentor => {
                let (who, text) = if a.step == Step::Mentee {
                    ("mentee's", &a.identity.mentee)
                } else {
                    ("mentor's", &a.identity.mentor)
                };
                let mine = matches!(
                    (a.identity.role, &a.step),
                    (Role::Mentee, Step::Mentee) | (Role::Mentor, Step::Mentor)
                );
                let question = format!("The {who} name{}:", if mine { " (yours)" } else { "" });
                let inner = widgets::popup(area, 60, 5, "Who is in it", buf)
                    .inner(ratatui::layout::Margin::new(1, 0));
                // The end of a long name stays in view, as in a one-line field.
                let room = inner.width.saturating_sub(1) as usize;
                let count = text.chars().count();
                let shown: String = text.chars().skip(count.saturating_sub(room)).collect();
                let lines = vec![
                    Line::styled(question, THEME.hint),
                    Line::default(),
                    Line::from(vec![
                        Span::styled(shown, THEME.focus_row),
                        Span::styled("▏", THEME.key),
                    ]),
                ];
                Paragraph::new(lines)
                    .wrap(Wrap { trim: false })
                    .render(inner, buf);
            }
        }
    }
}

/// Shows the picker in the terminal until a choice is made. `None`: the user left.
pub fn run<B: ratatui::backend::Backend>(
    terminal: &mut ratatui::Terminal<B>,
    mut picker: Picker,
) -> std::io::Result<Option<(usize, Option<Identity>)>> {
    loop {
        terminal
            .draw(|f| picker.render(f.area(), f.buffer_mut()))
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        if let Event::Key(key) = event::read()? {
            match picker.key(key) {
                Some(Outcome::Open(i, id)) => return Ok(Some((i, id))),
                Some(Outcome::Quit) => return Ok(None),
                None => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn choice(name: &str, unnamed: bool) -> Choice {
        Choice {
            name: name.into(),
            about: String::new(),
            unnamed,
        }
    }

    #[test]
    fn arrows_move_within_the_list_and_enter_opens() {
        let mut p = Picker::new(vec![choice("a", false), choice("b", false)], None);
        assert_eq!(p.key(press(KeyCode::Up)), None);
        assert_eq!(p.selected, 0);
        p.key(press(KeyCode::Down));
        p.key(press(KeyCode::Char('j')));
        assert_eq!(p.selected, 1);
        assert_eq!(p.key(press(KeyCode::Enter)), Some(Outcome::Open(1, None)));
        assert_eq!(p.key(press(KeyCode::Esc)), Some(Outcome::Quit));
    }

    #[test]
    fn switching_starts_on_the_open_workbook() {
        let p = Picker::new(vec![choice("a", false), choice("b", false)], Some(1));
        assert_eq!(p.selected, 1);
        assert!(p.rows()[1].ends_with("(open now)"), "{:?}", p.rows());
    }

    #[test]
    fn an_unnamed_workbook_asks_role_and_names_before_it_opens() {
        let mut p = Picker::new(vec![choice("new-one", true)], None);
        assert_eq!(p.key(press(KeyCode::Enter)), None, "asks first");
        p.key(press(KeyCode::Down));
        p.key(press(KeyCode::Enter));
        for c in "Sam Lee".chars() {
            p.key(press(KeyCode::Char(c)));
        }
        p.key(press(KeyCode::Enter));
        for c in " Ben Okafox".chars() {
            p.key(press(KeyCode::Char(c)));
        }
        p.key(press(KeyCode::Backspace));
        p.key(press(KeyCode::Char('r')));
        assert_eq!(
            p.key(press(KeyCode::Enter)),
            Some(Outcome::Open(
                0,
                Some(Identity {
                    role: Role::Mentor,
                    mentee: "Sam Lee".into(),
                    mentor: "Ben Okafor".into(),
                })
            ))
        );
    }

    #[test]
    fn esc_while_asking_opens_it_as_it_is_and_q_is_typed() {
        let mut p = Picker::new(vec![choice("x", true)], None);
        p.key(press(KeyCode::Enter));
        p.key(press(KeyCode::Enter));
        assert_eq!(
            p.key(press(KeyCode::Char('q'))),
            None,
            "q is a letter of a name"
        );
        assert_eq!(p.key(press(KeyCode::Esc)), Some(Outcome::Open(0, None)));
    }
}
