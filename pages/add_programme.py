"""Add a programme: upload a council's document, see what was read, and compare it for this session only."""

import hashlib
from pathlib import Path

import pandas as pd
import streamlit as st

from loaders.errors import SourceError, locator_in
from loaders.intake.add import AddError
from loaders.intake.upload import UploadError, prepare_in_worker
from loaders.publish.package_zip import package_zip
from loaders.read.formats import accepted_extensions
from programme_analysis import queries, tables
from programme_analysis.formatting import escape_markdown as md
from programme_analysis.formatting import format_amount
from programme_analysis.issue_messages import check_failure, issue_message
from programme_analysis.texts import label
from ui import review_panel, session_upload
from ui.state import choices, downloads, t, uploader_words

st.title(t("page_add"))
st.caption(t("add_intro"))
current = choices()
lang = current.lang
limit_mb = st.get_option("server.maxUploadSize")
accepted = accepted_extensions()  # .doc, .odt and .rtf are converted to .docx by LibreOffice
file = st.file_uploader(t("add_file"), type=accepted, key="add_upload", help=t("add_file_help").format(mb=limit_mb))
uploader_words(
    "add_upload",
    t("add_choose_file"),
    t("add_dropzone").format(mb=limit_mb, types=", ".join(e.upper() for e in accepted)),
)
st.caption(t("add_limits").format(mb=limit_mb))

upload = session_upload.current()
if file is not None and (
    upload is None or upload.file_name != file.name or upload.digest != hashlib.sha256(file.getvalue()).hexdigest()
):
    upload = session_upload.SessionUpload(file.name, file.getvalue())
    session_upload.replace(upload)


def read_upload(katottg: str | None = None) -> None:
    upload.error, upload.compared = None, False
    with st.spinner(t("add_reading")):
        pages = st.empty()  # a scan's text recognition, page by page

        def recognised(done: int, total: int) -> None:
            pages.progress(
                min(done / total, 1.0) if total else 0.0, text=t("add_ocr_progress").format(done=done, total=total)
            )

        try:
            upload.prepared = prepare_in_worker(
                upload.path, upload.folder, current.shared_database, katottg, on_progress=recognised
            )
        except (SourceError, AddError, UploadError) as exc:
            upload.prepared, upload.error = None, exc
        pages.empty()


if upload is not None and upload.prepared is None and upload.error is None:
    read_upload()

if upload is None:
    st.info(t("add_nothing_yet"))
    st.stop()

if upload.error is not None:
    error = upload.error
    if isinstance(error, SourceError):
        st.error(md(error.message_in(lang)), icon=":material/error:")
    elif isinstance(error, UploadError):
        st.error(t("add_build_failed"), icon=":material/error:")
        explained = [check_failure(reason, lang) for reason in error.reasons]
        st.dataframe(pd.DataFrame(explained, columns=[t("add_check"), t("add_check_detail")]), hide_index=True)
    else:
        st.error(f"{t('add_no_community')} {md(str(error))}", icon=":material/error:")
    st.button(t("add_remove"), icon=":material/delete:", on_click=session_upload.replace, args=(None,))
    st.stop()

prepared = upload.prepared
register = queries.community_register(current.shared_database)
register_names = dict(zip(register["katottg"], register["name_uk"] + " (" + register["oblast_uk"] + ")", strict=True))
if prepared.needs_community:
    st.warning(t("add_choose_community"), icon=":material/help:")
    options = [c.katottg for c in prepared.candidates] or list(register_names)
    chosen = st.selectbox(
        t("add_community"),
        options,
        index=None,
        format_func=register_names.get,
        placeholder=t("add_community_placeholder"),
    )
    if chosen:
        read_upload(chosen)
        st.rerun()
    st.stop()

community = prepared.community
st.header(t("add_read_heading"))
left, right = st.columns(2)
names = (community["name_uk"], community["name_en"]) if lang == "uk" else (community["name_en"], community["name_uk"])
left.markdown(
    f"**{t('add_community')}:** {md(names[0])} ({md(names[1])}), {md(community['oblast_uk'] if lang == 'uk' else community['oblast_en'])}"
)
left.markdown(f"**KATOTTG:** {md(community['katottg'])}")
left.caption(f"{t('add_how_matched')}: {md(tables.how_matched(prepared.community_how, lang))}")
small = Path(prepared.database)
programme = queries.read_sql(small, "SELECT * FROM programmes")  # one programme: the upload
row = programme.iloc[0]
right.markdown(f"**{t('add_title')}:** “{md(row.title_uk)}”")
right.markdown(
    f"**{t('card_years')}:** {row.year_from}–{row.year_to} · **{t('council_decision')}:** {md(tables.council_decision(row.council_decision_as_printed, lang))}"
)
right.caption(
    md(f"{t('original_format')}: {tables.original_format(row.original_format, lang)} · {'; '.join(prepared.notes)}")
)
other = st.selectbox(
    t("add_other_community"),
    list(register_names),
    index=None,
    format_func=register_names.get,
    placeholder=t("add_community_placeholder"),
)
if other and other != community["katottg"]:
    read_upload(other)
    st.rerun()

if review_panel.offered(prepared):
    chosen_by_hand = prepared.community_how.startswith("given with --katottg")
    review_panel.draw(upload, prepared, lang, lambda: read_upload(community["katottg"] if chosen_by_hand else None))

years = list(range(int(row.year_from), int(row.year_to) + 1))
locators = {line: locator_in(place, lang) for line, place in queries.source_locators(small).items()}
spending = queries.spending(small, [community["community_id"]], years)
st.subheader(t("add_measures_heading"))
measures = pd.DataFrame(
    {
        t("col_code"): spending["measure_code"],
        t("col_measure"): spending["measure_title"],
        t("col_year"): spending["year"].astype(str),
        t("col_amount"): [format_amount(v, lang) for v in spending["amount_thousand_uah"]],
        t("col_amount_status"): [label("amount_status", s, lang) for s in spending["amount_status"]],
        t("col_locator"): spending["source_line"].map(locators),
    }
)
st.dataframe(measures, hide_index=True)
downloads(spending, f"{prepared.programme_id}_spending", key="add_spending")

st.subheader(t("reconciliation_heading"))
checks = queries.reconciliation(small)
if checks.empty:
    st.info(t("add_no_totals"))
else:
    st.dataframe(
        pd.DataFrame(
            {
                t("col_scope"): [label("scope", s, lang) for s in checks["scope"]],
                t("col_year"): checks["year"].astype("string").fillna("—"),
                t("col_stated_total"): [format_amount(v, lang) for v in checks["stated_total_thousand_uah"]],
                t("col_computed"): [format_amount(v, lang) for v in checks["computed_total_thousand_uah"]],
                t("col_status"): [label("year_status", s, lang) for s in checks["status"]],
                t("col_locator"): checks["source_line"].map(locators),
            }
        ),
        hide_index=True,
    )

st.subheader(t("page_partners"))
partners = queries.partners(small, [community["community_id"]])
if partners.empty:
    st.info(t("add_no_partners"))
else:
    st.dataframe(
        pd.DataFrame(
            {
                t("col_partner"): partners["partner_name_uk"],
                t("col_partner_en"): partners["partner_name_en"].fillna("—"),
                t("col_country"): partners["country_code"].fillna("—"),
                t("col_relationship"): [label("relationship", r, lang) for r in partners["relationship"]],
                t("col_since"): partners["agreement_date_text"].fillna("—"),
                t("col_locator"): partners["source_line"].map(locators),
            }
        ),
        hide_index=True,
    )

st.subheader(t("add_issues_heading"))
issues = queries.data_issues(small)
st.dataframe(
    pd.DataFrame(
        {
            t("col_severity"): [label("severity", v, lang) for v in issues["severity"]],
            t("col_message"): [
                issue_message(k, m, lang, p)
                for k, m, p in zip(issues["kind"], issues["message"], tables.issue_params(issues), strict=True)
            ],
            t("col_locator"): issues["source_line"].map(locators).fillna("—"),
        }
    ),
    hide_index=True,
)

st.subheader(t("add_unread_heading"))
st.caption(t("add_unread_intro"))
if prepared.unread:
    st.dataframe(
        pd.DataFrame(
            [(locator_in(place, lang), label("unread_kind", kind, lang), row) for place, kind, row in prepared.unread],
            columns=[t("col_locator"), t("add_unread_kind"), t("add_unread_row")],
        ),
        hide_index=True,
    )
else:
    st.success(t("add_unread_none"))

st.header(t("add_compare_heading"))
if upload.compared:
    st.success(t("add_compared"), icon=":material/check_circle:")
else:
    st.button(
        t("add_compare"),
        type="primary",
        icon=":material/compare_arrows:",
        on_click=setattr,
        args=(upload, "compared", True),
    )
st.button(t("add_remove"), icon=":material/delete:", on_click=session_upload.replace, args=(None,))
st.download_button(
    t("export_download"),
    lambda: package_zip(small),
    file_name=f"{prepared.programme_id}_datapackage.zip",
    mime="application/zip",
    key="add_package",
    icon=":material/folder_zip:",
    on_click="ignore",
)
st.caption(t("add_command_intro"))
st.code(f"python -m loaders add {upload.file_name}", language="bash")
