//! The cache-hit path in Rust: guard check and launch with no Python in
//! between.
//!
//! For calls with positional tensors only, each compiled specialisation is
//! guarded by the metadata of its inputs: shape, strides, dtype (by
//! identity), requires_grad, and grad mode. A call that passes the guards of
//! an entry runs that entry's plan directly; a miss returns `None` and the
//! Python side captures and compiles, then adds the new entry here.

use crate::Program;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

struct Guard {
    shape: Vec<i64>,
    strides: Vec<i64>,
    dtype: Py<PyAny>,
    requires_grad: bool,
    contiguous: bool,
}

struct Entry {
    guards: Vec<Guard>,
    grad_enabled: bool,
    program: Py<Program>,
    external: Py<PyAny>,
}

#[pyclass]
pub struct Dispatcher {
    entries: Vec<Entry>,
    from_dlpack: Py<PyAny>,
    #[pyo3(get)]
    hits: u64,
    /// Index (in `add` order) of the entry the last hit ran.
    #[pyo3(get)]
    last: usize,
    #[pyo3(get)]
    misses: u64,
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
            entries: vec![],
            from_dlpack,
            hits: 0,
            last: 0,
            misses: 0,
        })
    }

    /// Runs the entry whose guards `args` pass; `None` on a miss. Only for
    /// calls whose arguments are all CPU tensors (the caller checks `type`).
    fn call(
        &mut self,
        py: Python<'_>,
        args: &Bound<'_, PyTuple>,
        grad_enabled: bool,
    ) -> PyResult<Option<Py<PyAny>>> {
        let mut found = None;
        'entries: for (i, e) in self.entries.iter().enumerate() {
            if e.guards.len() != args.len() || e.grad_enabled != grad_enabled {
                continue;
            }
            for (g, a) in e.guards.iter().zip(args.iter()) {
                if !matches(g, &a)? {
                    continue 'entries;
                }
            }
            found = Some(i);
            break;
        }
        let Some(i) = found else {
            self.misses += 1;
            return Ok(None);
        };
        self.hits += 1;
        self.last = i;
        let entry = &self.entries[i];
        let mut keep = Vec::with_capacity(args.len());
        let mut pointers = Vec::with_capacity(args.len());
        for (g, a) in entry.guards.iter().zip(args.iter()) {
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
        let program = entry.program.borrow(py);
        let capsules = program.run(py, pointers, entry.external.clone_ref(py))?;
        drop(keep);
        let from_dlpack = self.from_dlpack.bind(py);
        let tensors: Vec<Py<PyAny>> = capsules
            .into_iter()
            .map(|c| from_dlpack.call1((c,)).map(|t| t.unbind()))
            .collect::<PyResult<_>>()?;
        if tensors.len() == 1 {
            return Ok(tensors.into_iter().next());
        }
        Ok(Some(PyList::new(py, tensors)?.into_any().unbind()))
    }

    /// Adds a compiled specialisation for calls like `args`.
    fn add(
        &mut self,
        args: &Bound<'_, PyTuple>,
        grad_enabled: bool,
        program: Py<Program>,
        external: Py<PyAny>,
    ) -> PyResult<()> {
        let guards = args
            .iter()
            .map(|a| guard_of(&a))
            .collect::<PyResult<Vec<_>>>()?;
        self.entries.push(Entry {
            guards,
            grad_enabled,
            program,
            external,
        });
        Ok(())
    }

    fn __len__(&self) -> usize {
        self.entries.len()
    }
}
