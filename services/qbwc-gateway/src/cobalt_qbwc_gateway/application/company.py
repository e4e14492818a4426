"""The company-file check on the first sendRequestXML: the qbXML version both sides speak,
and whether QuickBooks has the merchant's registered company file open (its FileID)."""

from __future__ import annotations

from cobalt_qbwc_gateway.domain.connection import Connection
from cobalt_qbxml.message_set import choose_version
from cobalt_qbxml.safe_xml import UnsafeXml, parse
from cobalt_qbxml.values import QbxmlValueError


def version_tuple(text: str) -> tuple[int, ...]:
    try:
        return tuple(int(p) for p in text.strip().split("."))
    except ValueError:
        return (0,)


def check_company(
    connection: Connection, owner_id: str, hcp: str, major: str, minor: str
) -> tuple[str, str | None]:
    """(qbXML version to speak, None) or ("", what is wrong and how to fix it)."""
    try:
        root = parse(hcp)
    except UnsafeXml:
        return "", "The Web Connector's description of QuickBooks could not be read."
    supported = [v.text or "" for v in root.iter("SupportedQBXMLVersion")]
    if not supported and major:
        supported = [f"{major}.{minor or 0}"]
    preferred = version_tuple(connection.qbxml_version)
    usable = [v for v in supported if version_tuple(v) <= preferred]
    try:
        version = choose_version(usable)
    except QbxmlValueError as exc:
        return "", str(exc)
    file_id = None
    for ext in root.iter("DataExtRet"):
        if (ext.findtext("OwnerID") or "").upper() == owner_id.upper():
            file_id = (ext.findtext("DataExtValue") or "").upper()
    company = root.findtext(".//CompanyRet/CompanyName") or "the open company file"
    if file_id != connection.file_id.upper():
        return "", (
            f"Wrong company file: QuickBooks has '{company}' open, but CobaltConnect is set "
            f"up for the company file registered with FileID {connection.file_id} "
            f"({connection.company_file or 'the file the .qwc was added to'}). Open that "
            "company file and update again."
        )
    return version, None
