//! The version for the visually impaired and the screen-reader mode: the
//! reader's display settings, remembered across visits and languages, and
//! applied to the whole page as attributes on `<html>` that the styles read.

use serde::{Deserialize, Serialize};

const STORAGE_KEY: &str = "portal.display";

/// Colour schemes of the version for the visually impaired (after GOST R 52872-2019).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scheme {
    /// The portal's own colours.
    #[default]
    Standard,
    BlackOnWhite,
    WhiteOnBlack,
    DarkBlueOnLightBlue,
    BrownOnBeige,
    GreenOnDarkBrown,
}

impl Scheme {
    pub const ALL: [Scheme; 6] = [
        Scheme::Standard,
        Scheme::BlackOnWhite,
        Scheme::WhiteOnBlack,
        Scheme::DarkBlueOnLightBlue,
        Scheme::BrownOnBeige,
        Scheme::GreenOnDarkBrown,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Scheme::Standard => "standard",
            Scheme::BlackOnWhite => "black-on-white",
            Scheme::WhiteOnBlack => "white-on-black",
            Scheme::DarkBlueOnLightBlue => "dark-blue-on-light-blue",
            Scheme::BrownOnBeige => "brown-on-beige",
            Scheme::GreenOnDarkBrown => "green-on-dark-brown",
        }
    }
}

/// Text size, in percent of the normal size.
pub const FONT_SIZES: [u16; 5] = [100, 125, 150, 175, 200];

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Spacing {
    #[default]
    Normal,
    Wider,
    Widest,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LineHeight {
    #[default]
    Normal,
    Larger,
    Largest,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Images {
    #[default]
    Shown,
    Greyscale,
    /// Hidden, with their text alternatives shown in their place.
    Hidden,
}

/// Everything the reader chose. Fields missing from a stored value (an
/// older version of the portal) take their defaults.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DisplaySettings {
    pub scheme: Scheme,
    pub font_size: u16,
    pub letter_spacing: Spacing,
    pub line_height: LineHeight,
    pub images: Images,
    /// One column in reading order, no decoration, link texts spelled out.
    pub screen_reader: bool,
}

impl Default for DisplaySettings {
    fn default() -> Self {
        DisplaySettings {
            scheme: Scheme::Standard,
            font_size: 100,
            letter_spacing: Spacing::Normal,
            line_height: LineHeight::Normal,
            images: Images::Shown,
            screen_reader: false,
        }
    }
}

impl DisplaySettings {
    pub fn is_default(&self) -> bool {
        *self == DisplaySettings::default()
    }

    /// The settings remembered from an earlier visit, else the defaults.
    pub fn load() -> DisplaySettings {
        crate::served::local_storage()
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .and_then(|json| serde_json::from_str::<DisplaySettings>(&json).ok())
            .map(DisplaySettings::sanitised)
            .unwrap_or_default()
    }

    pub fn save(&self) {
        if let Some(s) = crate::served::local_storage() {
            // Storage may be full or disabled: the settings still apply to this visit.
            let _ = match self.is_default() {
                true => s.remove_item(STORAGE_KEY),
                false => s.set_item(STORAGE_KEY, &serde_json::to_string(self).unwrap_or_default()),
            };
        }
    }

    /// A font size the portal offers, whatever was stored.
    fn sanitised(mut self) -> DisplaySettings {
        if !FONT_SIZES.contains(&self.font_size) {
            self.font_size = 100;
        }
        self
    }

    /// The attributes the styles read, as set on `<html>`.
    pub fn attributes(&self) -> [(&'static str, String); 6] {
        let code = |v: &dyn erased::Code| v.code().to_owned();
        [
            ("data-scheme", self.scheme.code().to_owned()),
            ("data-font-size", self.font_size.to_string()),
            ("data-letter-spacing", code(&self.letter_spacing)),
            ("data-line-height", code(&self.line_height)),
            ("data-images", code(&self.images)),
            ("data-mode", if self.screen_reader { "screen-reader" } else { "standard" }.to_owned()),
        ]
    }

    /// Applies the settings to the whole page.
    pub fn apply(&self) {
        let Some(root) = crate::served::document().and_then(|d| d.document_element()) else {
            return;
        };
        for (name, value) in self.attributes() {
            let _ = root.set_attribute(name, &value);
        }
    }
}

mod erased {
    /// The kebab-case name of a setting's value, as serde writes it.
    pub trait Code {
        fn code(&self) -> String;
    }
    impl<T: serde::Serialize> Code for T {
        fn code(&self) -> String {
            serde_json::to_value(self).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
        }
    }
}
