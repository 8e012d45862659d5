//! The cache-hit path in Rust: guard check and launch with no Python in
//! between.
//!
//! A call arrives as its tensors (in the program's input order) and a key
//! for everything else (the Python values, which closure cells and globals
//! hold tensors, a module's parameter names and train/eval flags), built by
//! the Python side. Each compiled specialisation is guarded by that key
//! (Python equality), the grad mode, and its tensors' metadata: shape,
//! strides, dtype (by identity), requires_grad. A call that passes the
//! guards of an entry runs that entry's plan directly; a miss returns `None`
//! and the Python side captures and compiles, then adds the new entry here.

use crate::Program;
use pyo3::prelude::*;
use pyo3::types::PyList;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

struct Guard {
    shape: Vec<i64>,
    strides: Vec<i64>,
    dtype: Py<PyAny>,
    requires_grad: bool,
    contiguous: bool,
}

struct Entry {
    /// The Python side's record of this specialisation, handed back on a hit.
    record: Py<PyAny>,
    guards: Vec<Guard>,
    key: Py<PyAny>,
    grad_enabled: bool,
    program: Py<Program>,
    external: Py<PyAny>,
    /// Tensors the function made from Python data: the program's last inputs.
    constants: Vec<Py<PyAny>>,
    /// Whether the output is the program's one tensor (else the list of
    /// tensors, which the Python side arranges into the output structure).
    single_output: bool,
}

/// Shared by every thread that calls the function: the entry list is
/// copy-on-write behind a mutex held only to copy or swap it, never across a
/// Python call. Calls do run Python (the guards read tensor attributes, the
/// torch executor's callbacks run aten ops), where the interpreter may switch
/// to another thread that calls this dispatcher too.
#[pyclass(frozen)]
pub struct Dispatcher {
    entries: Mutex<Arc<Vec<Arc<Entry>>>>,
    from_dlpack: Py<PyAny>,
    hits: AtomicU64,
    misses: AtomicU64,
}

fn guard_of(t: &Bound<'_, PyAny>) -> PyResult<Guard> {
    Ok(Guard {
        shape: t.getattr("shape")?.extract()?,
        strides: t.call_method0("stride")?.extract()?,
        dtype: t.getattr("dtype")?.unbind(),
        requires_grad: t.getattr("requires_grad")?.extract()?,
        contiguous: t.call_method0("is_contiguous")?.extract()?,
    })
}

fn matches(g: &Guard, t: &Bound<'_, PyAny>) -> PyResult<bool> {
    if !t.getattr("dtype")?.is(&g.dtype) {
        return Ok(false);
    }
    let shape: Vec<i64> = t.getattr("shape")?.extract()?;
    if shape != g.shape {
        return Ok(false);
    }
    let strides: Vec<i64> = t.call_method0("stride")?.extract()?;
    if strides != g.strides {
        return Ok(false);
    }
    // A lazily negated view (`torch._neg_view`) needs its negation applied
    // first, which the Python path does.
    if t.call_method0("is_neg")?.extract::<bool>()? {
        return Ok(false);
    }
    Ok(t.getattr("requires_grad")?.extract::<bool>()? == g.requires_grad)
}

#[pymethods]
impl Dispatcher {
    #[new]
    fn new(py: Python<'_>) -> PyResult<Self> {
        let torch_c = py.import("torch")?.getattr("_C")?;
        let from_dlpack = torch_c.getattr("_from_dlpack")?.unbind();
        Ok(Dispatcher {
            entries: Mutex::new(Arc::new(vec![])),
            from_dlpack,
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
        })
    }

    /// Runs the entry whose guards `tensors` and `key` pass and returns its
    /// record and the output; `None` on a miss. The caller passes CPU
    /// tensors only.
    fn call(
        &self,
        py: Python<'_>,
        tensors: &Bound<'_, PyList>,
        key: &Bound<'_, PyAny>,
        grad_enabled: bool,
    ) -> PyResult<Option<(Py<PyAny>, Py<PyAny>)>> {
        let entries = self.entries.lock().expect("dispatcher lock").clone();
        let mut found = None;
        'entries: for e in entries.iter() {
            if e.guards.len() != tensors.len() || e.grad_enabled != grad_enabled {
                continue;
            }
            let entry_key = e.key.bind(py);
            if !entry_key.is(key) && !entry_key.eq(key)? {
                continue;
            }
            for (g, a) in e.guards.iter().zip(tensors.iter()) {
                if !matches(g, &a)? {
                    continue 'entries;
                }
            }
            found = Some(e);
            break;
        }
        let Some(entry) = found else {
            self.misses.fetch_add(1, Ordering::Relaxed);
            return Ok(None);
        };
        self.hits.fetch_add(1, Ordering::Relaxed);
        let mut keep = Vec::with_capacity(tensors.len());
        let mut pointers = Vec::with_capacity(tensors.len() + entry.constants.len());
        for (g, a) in entry.guards.iter().zip(tensors.iter()) {
            let t = if g.contiguous {
                a
            } else {
                a.call_method0("contiguous")?
            };
            pointers.push((
                t.call_method0("data_ptr")?.extract::<usize>()?,
                g.shape.clone(),
            ));
            keep.push(t);
        }
        for c in &entry.constants {
            let c = c.bind(py);
            pointers.push((
                c.call_method0("data_ptr")?.extract::<usize>()?,
                c.getattr("shape")?.extract()?,
            ));
        }
        let program = entry.program.borrow(py);
        let capsules = program.run(py, pointers, entry.external.clone_ref(py))?;
        drop(keep);
        let from_dlpack = self.from_dlpack.bind(py);
        let outputs: Vec<Py<PyAny>> = capsules
            .into_iter()
            .map(|c| from_dlpack.call1((c,)).map(|t| t.unbind()))
            .collect::<PyResult<_>>()?;
        if entry.single_output && outputs.len() == 1 {
            return Ok(outputs
                .into_iter()
                .next()
                .map(|t| (entry.record.clone_ref(py), t)));
        }
        let outputs = PyList::new(py, outputs)?.into_any().unbind();
        Ok(Some((entry.record.clone_ref(py), outputs)))
    }

    /// Adds a compiled specialisation (`record`, returned on hits) for calls
    /// like `tensors` with `key`.
    #[allow(clippy::too_many_arguments)]
    fn add(
        &self,
        record: Py<PyAny>,
        tensors: &Bound<'_, PyList>,
        key: Py<PyAny>,
        grad_enabled: bool,
        program: Py<Program>,
        external: Py<PyAny>,
        constants: Vec<Py<PyAny>>,
        single_output: bool,
    ) -> PyResult<()> {
        let guards = tensors
            .iter()
            .map(|a| guard_of(&a))
            .collect::<PyResult<Vec<_>>>()?;
        let entry = Arc::new(Entry {
            record,
            guards,
            key,
            grad_enabled,
            program,
            external,
            constants,
            single_output,
        });
        let mut entries = self.entries.lock().expect("dispatcher lock");
        let mut grown = (**entries).clone();
        grown.push(entry);
        *entries = Arc::new(grown);
        Ok(())
    }

    /// Calls served by an entry.
    #[getter]
    fn hits(&self) -> u64 {
        self.hits.load(Ordering::Relaxed)
    }

    /// Calls that matched no entry.
    #[getter]
    fn misses(&self) -> u64 {
        self.misses.load(Ordering::Relaxed)
    }

    fn __len__(&self) -> usize {
        self.entries.lock().expect("dispatcher lock").len()
    }
}
