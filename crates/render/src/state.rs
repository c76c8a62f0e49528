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
    /// Each document's file as it was when last read (see [`Stamp`]); empty
    /// in a state written before stamps were kept, which reads them again.
    #[serde(default)]
    pub stamps: Vec<Stamp>,
}

/// What tells a file from any other version of it without reading it, as
/// git's index does: its inode, size and modification time. The compiler
/// writes each changed file beside its place and renames it in, so a
/// changed document is a new inode with a new time; one left unchanged
/// keeps all three.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    inode: u64,
    len: u64,
    modified_ns: i128,
}

/// The stamp of the file at `path`, if it is there.
fn stamp(path: &Path) -> Option<Stamp> {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(path).ok()?;
    Some(Stamp {
        inode: m.ino(),
        len: m.len(),
        modified_ns: i128::from(m.mtime()) * 1_000_000_000 + i128::from(m.mtime_nsec()),
    })
}

/// The stamps of the documents at `paths` under `api_dir`; empty if one is gone.
pub fn stamps(api_dir: &Path, paths: &[String]) -> Vec<Stamp> {
    paths.iter().map(|path| stamp(&api_dir.join(path))).collect::<Option<_>>().unwrap_or_default()
}

/// The inputs of a page rendered from `before`, if its documents are still
/// what they were: by their stamps when none changed, else by their bytes
/// (then with the new stamps, so the next run need not read them).
pub fn unchanged(api_dir: &Path, before: &PageInputs) -> Option<PageInputs> {
    let now = stamps(api_dir, &before.documents);
    if !now.is_empty() && now == before.stamps {
        return Some(before.clone());
    }
    let digest = documents_digest(api_dir, before.documents.iter().map(String::as_str))?;
    (digest == before.digest).then(|| PageInputs { stamps: now, ..before.clone() })
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

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs(api: &Path, path: &str) -> PageInputs {
        let documents = vec![path.to_owned()];
        let digest = documents_digest(api, [path]).expect("the document is there");
        PageInputs { stamps: stamps(api, &documents), documents, digest }
    }

    #[test]
    fn a_page_is_kept_while_its_documents_are_the_files_it_read() {
        let api = tempfile::tempdir().unwrap();
        std::fs::write(api.path().join("page.json"), br#"{"title":"Passport"}"#).unwrap();
        let before = inputs(api.path(), "page.json");
        assert!(unchanged(api.path(), &before).is_some_and(|now| now.stamps == before.stamps));
    }

    #[test]
    fn a_document_rewritten_in_place_with_the_same_length_is_read_again() {
        let api = tempfile::tempdir().unwrap();
        let file = api.path().join("page.json");
        std::fs::write(&file, br#"{"title":"Passport"}"#).unwrap();
        let before = inputs(api.path(), "page.json");
        std::thread::sleep(std::time::Duration::from_millis(5));
        std::fs::write(&file, br#"{"title":"Visa ID!"}"#).unwrap();
        assert_eq!(std::fs::metadata(&file).unwrap().len(), before.stamps[0].len);
        assert!(unchanged(api.path(), &before).is_none(), "new bytes: the page is rendered again");
    }

    #[test]
    fn a_document_touched_but_not_changed_keeps_the_page_with_new_stamps() {
        let api = tempfile::tempdir().unwrap();
        let file = api.path().join("page.json");
        std::fs::write(&file, br#"{"title":"Passport"}"#).unwrap();
        let before = inputs(api.path(), "page.json");
        std::thread::sleep(std::time::Duration::from_millis(5));
        std::fs::write(&file, br#"{"title":"Passport"}"#).unwrap();
        let now = unchanged(api.path(), &before).expect("same bytes: kept");
        assert_ne!(now.stamps, before.stamps, "the next run need not read it");
        assert_eq!(now.digest, before.digest);
    }

    #[test]
    fn a_removed_document_renders_the_page_again() {
        let api = tempfile::tempdir().unwrap();
        std::fs::write(api.path().join("page.json"), b"{}").unwrap();
        let before = inputs(api.path(), "page.json");
        std::fs::remove_file(api.path().join("page.json")).unwrap();
        assert!(unchanged(api.path(), &before).is_none());
    }
}
