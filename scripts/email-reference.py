#!/usr/bin/env python3
"""Prints Python's view of RFC 5322 messages, one JSON line per file, as a reference to compare an
importer with:  python3 scripts/email-reference.py FILE...

    {"file", "subject", "from", "date", "message_id", "text"} (+ "errors": [...] when a field failed)

Each file is read with email.message_from_binary_file(f, policy=email.policy.default).
subject, from, message_id: str(header), or null when absent. date: the Date header through
email.utils.parsedate_to_datetime, as ISO 8601 (no offset when the header says -0000), or null when
absent or unparseable. text: every inline text part of the letter in order, joined by a line end
(get_content(), line ends as in the file): text/plain and text/html leaves without a file name that
are not attachments; of a multipart/alternative the first alternative holding text/plain, else the
first holding any; of a multipart/related its root (the start parameter, else the first part); of
any other multipart every part. Null when there is none, or when any of them is HTML (an importer
reduces HTML to text its own way). A field that raises is null and its
error is listed. Stdlib only.
"""
import email
import email.policy
import email.utils
import json
import sys


def header(msg, name):
    value = msg[name]
    return None if value is None else str(value)


def date(msg):
    value = msg["Date"]
    if value is None:
        return None
    try:
        return email.utils.parsedate_to_datetime(str(value)).isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def text_parts(part):
    """The letter's text parts under part, as (subtype, part) pairs, in order."""
    if part.is_attachment():
        return []
    ctype = part.get_content_type()
    if part.get_content_maintype() == "multipart":
        children = list(part.iter_parts())
        if ctype == "multipart/related":
            start = part.get_param("start")
            root = next((c for c in children if start and c.get("content-id") == start), None)
            root = root or (children[0] if children else None)
            return text_parts(root) if root is not None else []
        if ctype == "multipart/alternative":
            choices = [text_parts(c) for c in children]
            chosen = next((c for c in choices if any(k == "plain" for k, _ in c)), None)
            return chosen or next((c for c in choices if c), [])
        return [p for c in children for p in text_parts(c)]
    if ctype in ("text/plain", "text/html") and part.get_filename() is None:
        return [(part.get_content_subtype(), part)]
    return []


def text(msg):
    parts = text_parts(msg)
    if not parts or any(kind == "html" for kind, _ in parts):
        return None
    return "\n".join(p.get_content() for _, p in parts)


def view(path):
    record, errors = {"file": path}, []
    try:
        with open(path, "rb") as f:
            msg = email.message_from_binary_file(f, policy=email.policy.default)
    except Exception as error:  # noqa: BLE001 — report, don't stop
        return {"file": path, "subject": None, "from": None, "date": None, "message_id": None, "text": None,
                "errors": [f"parse: {type(error).__name__}: {error}"]}
    for key, get in (("subject", lambda: header(msg, "Subject")), ("from", lambda: header(msg, "From")),
                     ("date", lambda: date(msg)), ("message_id", lambda: header(msg, "Message-ID")),
                     ("text", lambda: text(msg))):
        try:
            record[key] = get()
        except Exception as error:  # noqa: BLE001 — one bad field must not hide the others
            record[key] = None
            errors.append(f"{key}: {type(error).__name__}: {error}")
    if errors:
        record["errors"] = errors
    return record


def main(paths):
    if not paths:
        print(__doc__.strip().splitlines()[1].strip(), file=sys.stderr)
        return 2
    out = sys.stdout.buffer
    for path in paths:
        record = view(path)
        try:    # readable UTF-8 unless the text holds lone surrogates (undecodable 8-bit bytes)
            line = json.dumps(record, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            line = json.dumps(record).encode("ascii")
        out.write(line + b"\n")
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
