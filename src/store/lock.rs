//! One process per store: sled would corrupt a store two processes write, so the second
//! one is told so at once instead of waiting or failing later.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

use super::StoreError;

/// Held for as long as the store is open; the OS releases it when the process dies, even
/// by SIGKILL, so a crash never leaves a stale lock.
#[derive(Debug)]
pub struct Lock(#[allow(dead_code)] File);

impl Lock {
    pub fn take(dir: &Path) -> Result<Lock, StoreError> {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
        let path = dir.join("dozor.lock");
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| StoreError::io(&path, e))?;
        match file.try_lock() {
            Ok(()) => Ok(Lock(file)),
            Err(TryLockError::WouldBlock) => Err(StoreError::InUse {
                path: dir.to_path_buf(),
            }),
            Err(TryLockError::Error(e)) => Err(StoreError::io(&path, e)),
        }
    }
}
