//! The panel's root: the host's settings, the role tabs and the section tabs.
//! A struct component so the host's handle can send it messages
//! (`setRole`, `setError`, …) through its `AppHandle`.

use super::next_steps::NextSteps;
use super::tabs::{panel_id, TabItem, Tabs};
use crate::sections::SectionProps;
use crate::state::{Answers, HostConfig, Role, Section};
use crate::storage;
use crate::text::{t, tr};
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    #[prop_or_default]
    pub config: HostConfig,
}

/// Messages from the host page and from the panel's own controls.
pub enum Msg {
    SetRole(Role),
    SetError(Option<String>),
    /// The region, and the host's profile object when it is one.
    SetRegion(Option<diary_rules::eligibility::situation::RegionArg>, wasm_bindgen::JsValue),
    SetLang(diary_rules::Lang),
    Select(Section),
    /// The wizard's answers changed.
    Answers(Answers),
    /// «Forget my answers».
    Forget,
}

pub struct App {
    config: HostConfig,
    section: Section,
    /// The wizard's answers; remembered on the device when allowed.
    answers: Answers,
    /// The user has just asked to forget (says so once).
    forgotten: bool,
    /// The role the host asked for (a remembered choice overrides it).
    host_role: Role,
}

impl App {
    fn initial_section(config: &HostConfig, remembered: Option<Section>) -> Section {
        if config.error.is_some() || config.url_error.is_some() {
            Section::Error
        } else {
            remembered.unwrap_or_default()
        }
    }

    /// Writes the answers, role and section (when allowed); nothing at all
    /// while there is nothing to remember.
    fn remember(&self) {
        if !self.config.remember {
            return;
        }
        if self.answers.is_empty() && self.config.role == self.host_role && self.section == Section::default() {
            storage::forget();
        } else {
            storage::save(&storage::Saved {
                answers: self.answers.clone(),
                role: Some(self.config.role),
                section: Some(self.section),
            });
        }
    }
}

impl Component for App {
    type Message = Msg;
    type Properties = AppProps;

    fn create(ctx: &Context<Self>) -> Self {
        let mut config = ctx.props().config.clone();
        let host_role = config.role;
        // `remember: false`: nothing is read (nor written, below).
        let saved = if config.remember { storage::load().unwrap_or_default() } else { storage::Saved::default() };
        if let Some(role) = saved.role {
            config.role = role;
        }
        let section = App::initial_section(&config, saved.section);
        App { config, section, answers: saved.answers.sanitized(), forgotten: false, host_role }
    }

    fn update(&mut self, _ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::SetRole(role) => {
                crash_point!("role");
                self.config.role = role;
                self.remember();
            }
            Msg::SetError(error) => {
                if error.is_some() {
                    self.section = Section::Error;
                }
                self.config.error = error;
                self.config.url_error = None;
            }
            Msg::SetRegion(region, object) => {
                self.config.region = region;
                self.config.region_object = object;
            }
            Msg::SetLang(lang) => self.config.lang = lang,
            Msg::Select(section) => {
                self.section = section;
                self.remember();
            }
            Msg::Answers(answers) => {
                self.answers = answers.sanitized();
                self.forgotten = false;
                self.remember();
            }
            Msg::Forget => {
                if self.config.remember {
                    storage::forget();
                }
                self.answers = Answers::default();
                self.forgotten = true;
            }
        }
        true
    }

    fn rendered(&mut self, _ctx: &Context<Self>, first_render: bool) {
        #[cfg(feature = "lazy-sections")]
        if first_render {
            crate::lazy::prefetch();
        }
        #[cfg(not(feature = "lazy-sections"))]
        let _ = first_render;
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        crash_point!("render");
        let lang = self.config.lang;
        let role_items: Vec<TabItem> = Role::ALL
            .iter()
            .map(|r| TabItem { id: format!("dh-role-{}", r.id()), label: t(r.label_id(), lang) })
            .collect();
        let role_index = Role::ALL.iter().position(|r| *r == self.config.role).unwrap_or(0);
        // `Tabs` emits only the index of one of its items (tabs.rs).
        let on_role = ctx.link().callback(|i: usize| {
            debug_assert!(i < Role::ALL.len(), "role tab {i}");
            Msg::SetRole(Role::ALL.get(i).copied().unwrap_or_default())
        });

        let section_items: Vec<TabItem> = Section::ALL
            .iter()
            .map(|s| TabItem { id: format!("dh-section-{}", s.id()), label: t(s.label_id(), lang) })
            .collect();
        let section_index = Section::ALL.iter().position(|s| *s == self.section).unwrap_or(0);
        let on_section = ctx.link().callback(|i: usize| {
            debug_assert!(i < Section::ALL.len(), "section tab {i}");
            Msg::Select(Section::ALL.get(i).copied().unwrap_or_default())
        });
        let section_tab_id = format!("dh-section-{}", self.section.id());
        let role_tab_id = format!("dh-role-{}", self.config.role.id());

        let role = self.config.role;
        let region = self.config.region.clone();
        let content = match self.section {
            Section::NextSteps => html! {
                <NextSteps {lang} {role} {region} answers={self.answers.clone()}
                    on_change={ctx.link().callback(Msg::Answers)} remember={self.config.remember}
                    on_forget={ctx.link().callback(|_| Msg::Forget)} forgotten={self.forgotten}
                    history={self.config.history} />
            },
            // «Ошибка», «Пароль», «Проверить данные»: the second module in
            // the shipped build (loaded on first use), this one otherwise.
            section => {
                let props = SectionProps {
                    section,
                    lang,
                    role,
                    region: region.clone(),
                    region_object: self.config.region_object.clone(),
                    host_error: self.config.error.clone(),
                    url_error: self.config.url_error.clone(),
                    birth_date: self.answers.birth_date.clone(),
                    on_check_data: ctx.link().callback(|_| Msg::Select(Section::CheckData)),
                };
                #[cfg(feature = "lazy-sections")]
                let html = html! { <crate::lazy::LazySection ..props /> };
                #[cfg(not(feature = "lazy-sections"))]
                let html = html! { <crate::sections::SectionApp ..props /> };
                html
            }
        };

        // Once the guide has started (a birth date given), the intro is
        // hidden and the tabs compact, so the next step's card fits a phone.
        let started = self.answers.birth_date.is_some();
        html! {
            <section class={classes!("dh-panel", started.then_some("dh-started"))} part="panel" lang={lang.code()} aria-labelledby="dh-title">
                <h2 id="dh-title" class="dh-title" part="title">{ t("ui.panel.title", lang) }</h2>
                <p class="dh-intro" part="intro">{ tr("ui.panel.intro", self.config.role.is_student(), lang) }</p>
                <Tabs items={role_items} selected={role_index} on_select={on_role}
                    label={t("ui.role.label", lang)} class="dh-roles" />
                <div role="tabpanel" id={panel_id(&role_tab_id)} aria-labelledby={role_tab_id.clone()}>
                    <Tabs items={section_items} selected={section_index} on_select={on_section}
                        label={t("ui.section.label", lang)} class="dh-sections" />
                    <div role="tabpanel" id={panel_id(&section_tab_id)} aria-labelledby={section_tab_id.clone()}
                        class="dh-section" part="section" tabindex="0">
                        { content }
                    </div>
                </div>
            </section>
        }
    }
}
