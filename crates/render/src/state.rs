//! What the last render produced and from what, so that the next one
//! renders only the pages whose inputs changed and removes the pages that
//! left the sitemap. Kept outside the build (`--state`), never deployed.
//!
//! A page's inputs are the API documents it read (recorded when it was
//! rendered), the shell (`index.html`) and the renderer itself: a new app
//! build or a new renderer renders every page again.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Default, Serialize, Deserialize)]
pub struct State {
    /// The renderer's own digest and the shell's.
    pub build: String,
    pub pages: BTreeMap<String, PageInputs>,
}

#[derive(Clone, Serialize, Deserialize)]
pub struct PageInputs {
    /// The API documents the page read, by path under the API base.
    pub documents: Vec<String>,
    /// The digest of those documents' bytes.
    pub digest: String,
}

impl State {
    /// The state at `file`; empty if there is none yet or it cannot be read
    /// (then every page is rendered, which is always correct).
    pub fn load(file: &Path) -> State {
        std::fs::read(file).ok().and_then(|bytes| serde_json::from_slice(&bytes).ok()).unwrap_or_default()
    }

    /// Writes the state beside its final place first, so a crash leaves the old one.
    pub fn save(&self, file: &Path) -> Result<(), String> {
        let partial = file.with_extension("partial");
        let write = || -> std::io::Result<()> {
            if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::write(&partial, serde_json::to_vec(self).expect("the state serializes"))?;
            std::fs::rename(&partial, file)
        };
        write().map_err(|e| format!("{}: {e}", file.display()))
    }
}

/// The digest of the renderer's own executable and of the shell: what every page depends on.
pub fn build_digest(shell_html: &str) -> String {
    let mut hash = Sha256::new();
    let exe = std::env::current_exe().and_then(std::fs::read).unwrap_or_default();
    hash.update(&exe);
    hash.update(shell_html.as_bytes());
    hex(&hash.finalize())
}

/// The digest of the documents at `paths` under `api_dir`; `None` if one is gone.
pub fn documents_digest<'a>(api_dir: &Path, paths: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let read: Vec<(&str, Vec<u8>)> =
        paths.into_iter().map(|path| Some((path, std::fs::read(api_dir.join(path)).ok()?))).collect::<Option<_>>()?;
    Some(digest(read.iter().map(|(path, bytes)| (*path, bytes.as_slice()))))
}

/// The digest of documents already read, as [`documents_digest`] computes it from disk.
pub fn digest_of(documents: &[(String, std::sync::Arc<str>)]) -> String {
    digest(documents.iter().map(|(path, text)| (path.as_str(), text.as_bytes())))
}

/// Each document's path, length and bytes, in order.
fn digest<'a>(documents: impl Iterator<Item = (&'a str, &'a [u8])>) -> String {
    let mut hash = Sha256::new();
    for (path, bytes) in documents {
        hash.update(path.as_bytes());
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(bytes);
    }
    hex(&hash.finalize())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
