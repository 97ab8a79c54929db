#!/usr/bin/env python3
"""Build Ancrage's compact territory reference resource.

Reads the JSON files of the npm package ``@etalab/decoupage-administratif``
(regions.json, departements.json, epci.json, communes.json) and writes one
deterministic, gzip-compressed UTF-8 TSV file:

    src/main/resources/fr/ancrage/reference/territoires.tsv.gz

Usage (from the repository root):

    python3 tools/reference/build_reference_data.py [SOURCE_DIR] [--output FILE]
                                                    [--version X.Y.Z] [--geography YEAR]

SOURCE_DIR defaults to ../shared/reference/decoupage-administratif (relative to
the repository root). To use a newer release of the package:

    npm pack @etalab/decoupage-administratif@X.Y.Z
    tar -xzf etalab-decoupage-administratif-X.Y.Z.tgz
    python3 tools/reference/build_reference_data.py package/data

(the package.json found in the folder or its parent provides the version).

Output format, one record per line, tab-separated, sorted, no header row:

    #meta  key  value
    R      code   name
    D      code   name  regionCode
    E      siren  name  nature  departmentCode  populationTotale
    C      code   name  departmentCode  epciSiren  postcodes  population

``nature`` is the EPCI type (CA, CC, CU, METRO, MET69). ``epciSiren`` is empty
when the commune belongs to no EPCI. ``postcodes`` is comma-separated.
Empty population means unknown. Only communes of type ``commune-actuelle`` and
``arrondissement-municipal`` are kept; a municipal arrondissement takes the
EPCI of its parent commune. An EPCI's department is the department holding
the largest share of its member communes' population (ties: lowest code).

The gzip stream is written with mtime=0 and no file name, so rebuilding from
the same input is byte-identical. Python standard library only.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import io
import json
import sys
from pathlib import Path

FORMAT_VERSION = "1"
DEFAULT_SOURCE_NAME = "@etalab/decoupage-administratif"
DEFAULT_VERSION = "6.0.0"
DEFAULT_GEOGRAPHY = "2026"
LICENCE = "Licence Ouverte / Open Licence (Etalab)"
KEPT_COMMUNE_TYPES = ("commune-actuelle", "arrondissement-municipal")

# Column sizes of V1__foundation.sql; checked so that the import cannot fail later.
MAX_CODE = 3
MAX_NAME = 200
MAX_EPCI_NAME = 300
MAX_NATURE = 10
MAX_POSTCODES = 200

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SOURCE = REPO_ROOT / ".." / "shared" / "reference" / "decoupage-administratif"
DEFAULT_OUTPUT = REPO_ROOT / "src" / "main" / "resources" / "fr" / "ancrage" / "reference" / "territoires.tsv.gz"


class DataError(Exception):
    pass


def load(folder: Path, name: str):
    path = folder / name
    if not path.is_file():
        raise DataError(f"missing {path}")
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def find_package_json(folder: Path):
    for candidate in (folder / "package.json", folder.parent / "package.json"):
        if candidate.is_file():
            with candidate.open(encoding="utf-8") as handle:
                return json.load(handle)
    return None


def clean(value, what: str, max_len: int | None = None) -> str:
    text = "" if value is None else str(value).strip()
    if any(ch in text for ch in "\t\r\n"):
        raise DataError(f"{what}: tab or line break in {text!r}")
    if max_len is not None and len(text) > max_len:
        raise DataError(f"{what}: {text!r} longer than {max_len}")
    return text


def population(value) -> str:
    if value is None or value == "":
        return ""
    number = int(value)
    if number < 0 or number > 2_147_483_647:
        raise DataError(f"population out of range: {value}")
    return str(number)


def build(folder: Path, version_arg: str | None, geography: str):
    regions_json = load(folder, "regions.json")
    departments_json = load(folder, "departements.json")
    epcis_json = load(folder, "epci.json")
    communes_json = load(folder, "communes.json")

    package = find_package_json(folder)
    source_name = (package or {}).get("name") or DEFAULT_SOURCE_NAME
    version = (package or {}).get("version") or version_arg or DEFAULT_VERSION

    # Regions
    regions = {}
    for r in regions_json:
        code = clean(r["code"], "region code", MAX_CODE)
        if code in regions:
            raise DataError(f"duplicate region {code}")
        regions[code] = clean(r["nom"], f"region {code} name", MAX_NAME)

    # Departments
    departments = {}
    for d in departments_json:
        code = clean(d["code"], "department code", MAX_CODE)
        region = clean(d.get("region"), f"department {code} region", MAX_CODE)
        if code in departments:
            raise DataError(f"duplicate department {code}")
        if region not in regions:
            raise DataError(f"department {code} references unknown region {region!r}")
        departments[code] = (clean(d["nom"], f"department {code} name", MAX_NAME), region)

    # Communes (current communes and municipal arrondissements)
    communes = {}
    parents = {}
    skipped = collections.Counter()
    for c in communes_json:
        kind = c.get("type")
        if kind not in KEPT_COMMUNE_TYPES:
            skipped[kind] += 1
            continue
        code = clean(c["code"], "commune code", 5)
        if code in communes:
            raise DataError(f"duplicate commune {code}")
        department = clean(c.get("departement"), f"commune {code} department", MAX_CODE)
        if department not in departments:
            raise DataError(f"commune {code} references unknown department {department!r}")
        postcodes = sorted(set(clean(p, f"commune {code} postcode", 5) for p in c.get("codesPostaux") or []))
        joined = ",".join(postcodes)
        if len(joined) > MAX_POSTCODES:
            raise DataError(f"commune {code}: postcodes longer than {MAX_POSTCODES}")
        communes[code] = {
            "name": clean(c["nom"], f"commune {code} name", MAX_NAME),
            "department": department,
            "postcodes": joined,
            "population": population(c.get("population")),
            "epci": "",
        }
        if kind == "arrondissement-municipal":
            parents[code] = clean(c.get("commune"), f"arrondissement {code} parent")

    # EPCI and membership
    epcis = {}
    for e in epcis_json:
        siren = clean(e["code"], "EPCI siren", 9)
        if siren in epcis:
            raise DataError(f"duplicate EPCI {siren}")
        weights = collections.Counter()
        for member in e.get("membres") or []:
            code = clean(member["code"], f"EPCI {siren} member")
            commune = communes.get(code)
            if commune is None:
                raise DataError(f"EPCI {siren} member {code} is not a current commune")
            if commune["epci"] and commune["epci"] != siren:
                raise DataError(f"commune {code} belongs to {commune['epci']} and {siren}")
            commune["epci"] = siren
            weights[commune["department"]] += int(member.get("populationTotale") or 0)
        if not weights:
            raise DataError(f"EPCI {siren} has no members")
        # Largest population share wins; ties go to the lowest department code.
        department = min(weights, key=lambda dep: (-weights[dep], dep))
        epcis[siren] = (
            clean(e["nom"], f"EPCI {siren} name", MAX_EPCI_NAME),
            clean(e.get("type"), f"EPCI {siren} type", MAX_NATURE),
            department,
            population(e.get("populationTotale")),
        )

    for code, parent in parents.items():
        if parent not in communes:
            raise DataError(f"arrondissement {code} has unknown parent commune {parent!r}")
        communes[code]["epci"] = communes[parent]["epci"]

    meta = [
        ("format", FORMAT_VERSION),
        ("source", source_name),
        ("version", version),
        ("geography", geography),
        ("licence", LICENCE),
        ("count.regions", str(len(regions))),
        ("count.departments", str(len(departments))),
        ("count.epcis", str(len(epcis))),
        ("count.communes", str(len(communes))),
    ]

    lines = [f"#meta\t{key}\t{value}" for key, value in meta]
    lines += [f"R\t{code}\t{name}" for code, name in sorted(regions.items())]
    lines += [f"D\t{code}\t{name}\t{region}" for code, (name, region) in sorted(departments.items())]
    lines += ["E\t" + "\t".join((siren,) + fields) for siren, fields in sorted(epcis.items())]
    lines += [
        "\t".join(("C", code, c["name"], c["department"], c["epci"], c["postcodes"], c["population"]))
        for code, c in sorted(communes.items())
    ]
    stats = {
        "regions": len(regions),
        "departments": len(departments),
        "epcis": len(epcis),
        "communes": len(communes),
        "arrondissements": len(parents),
        "communes without EPCI": sum(1 for c in communes.values() if not c["epci"]),
        "skipped commune records": dict(sorted(skipped.items())),
    }
    return source_name, version, lines, stats


def write_gzip(lines, output: Path) -> int:
    payload = ("\n".join(lines) + "\n").encode("utf-8")
    buffer = io.BytesIO()
    # filename="" and mtime=0 keep the gzip header free of anything time- or path-dependent.
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as gz:
        gz.write(payload)
    data = buffer.getvalue()
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(data)
    return len(data)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", default=str(DEFAULT_SOURCE),
                        help="folder holding regions.json, departements.json, epci.json, communes.json "
                             "(default: ../shared/reference/decoupage-administratif from the repository root)")
    parser.add_argument("--output", default=str(DEFAULT_OUTPUT), help="resource to write (default: %(default)s)")
    parser.add_argument("--version", default=None,
                        help=f"package version when no package.json is present (default: {DEFAULT_VERSION})")
    parser.add_argument("--geography", default=DEFAULT_GEOGRAPHY,
                        help="year of the administrative geography (default: %(default)s)")
    args = parser.parse_args(argv)

    folder = Path(args.source).resolve()
    try:
        source_name, version, lines, stats = build(folder, args.version, args.geography)
    except (DataError, KeyError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    output = Path(args.output).resolve()
    size = write_gzip(lines, output)

    print(f"source: {source_name} {version} ({folder})")
    for key, value in stats.items():
        print(f"{key}: {value}")
    print(f"wrote {output} ({size:,} bytes, {len(lines):,} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
