#!/usr/bin/env bash
# Checks what our writers produce against the official CEN EN 16931 validation artefacts (Schematron rules
# compiled to XSLT 2.0, run with Saxon HE).
#
#   eng/check-schematron.sh CEN_RELEASE_DIR [OUT_DIR]
#
# CEN_RELEASE_DIR  the release of github.com/ConnectingEurope/eInvoicing-EN16931 to use (1.3.16 is what
#                  docs/conformance.md reports): an unpacked release or a clone of the repository (a bare one
#                  too; its HEAD is used). Needs cii/xslt/EN16931-CII-validation.xslt and
#                  ubl/xslt/EN16931-UBL-validation.xslt. Nothing from it is copied into this repository.
# OUT_DIR          where the invoices and reports are kept (default: a temporary directory, removed at the end).
#
# Optional, to check the writers on more than our samples:
#   CORPUS_DIR           the external corpus (../shared/corpus): every CEN, Peppol, XRechnung and Factur-X EN 16931
#                        example is read and written again as CII EN 16931 and as UBL, then validated the same way
#
# Optional, for the Peppol BIS Billing 3.0 rules on the UBL output:
#   PEPPOL_DIR           a clone of github.com/OpenPEPPOL/peppol-bis-invoice-3 (rules/sch/PEPPOL-EN16931-UBL.sch)
#                        Its rules run on the UBL documents that claim Peppol BIS: the writer claims it only when
#                        the invoice meets Peppol's content rules (at most one note, a buyer or order reference,
#                        no business process but a Peppol one); French invoices say EN 16931 only.
#   SCHEMATRON_SKELETON  a folder holding the ISO Schematron XSLT 2 skeleton (iso_dsdl_include.xsl,
#                        iso_abstract_expand.xsl, iso_svrl_for_xslt2.xsl), e.g. from github.com/Schematron/schematron
#
# Optional, for the French rules (BR-FR, FNFE-MPE / AFNOR XP Z12-012 "Flux 2", compiled to XSLT), run on the
# documents whose seller is in France (BT-40 = FR): every sample but peppol-*, and the corpus files with a French
# seller. Their XSLT needs an XSLT 3 engine newer than Debian's Saxon HE 9.9: they run with SaxonJS (the npm package
# xslt3 pinned in eng/xslt, installed by eng/install-saxonjs.sh when missing), compiled once to SEF.
#   BR_FR_CII            the compiled BR-FR-Flux2-Schematron-CII XSLT (V1.4.0.03 is what docs/conformance.md reports)
#   BR_FR_UBL            the compiled BR-FR-Flux2-Schematron-UBL XSLT
#
# Every samples/invoices/*.json is written with the CLI (`invoicing convert`) as CII (Factur-X EN 16931, BASIC
# and EXTENDED) and as UBL, then validated. Failed asserts are printed; the exit code is 1 when any has the
# flag "fatal" (an error), 0 when there are none (warnings are printed but do not fail), 2 on bad usage.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
  sed -n "2,34p" "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi

root=$(cd "$(dirname "$0")/.." && pwd)
cen=$1
if [[ $# -eq 2 ]]; then
  out=$2
  mkdir -p "$out"
else
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
fi
out=$(cd "$out" && pwd)

saxon=/usr/share/java/Saxon-HE.jar
if [[ ! -f $saxon ]] || ! command -v java > /dev/null; then
  echo "Installing Saxon HE (libsaxonhe-java) and a Java runtime..." >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libsaxonhe-java default-jre-headless > /dev/null
fi

saxon() { java -jar "$saxon" "$@"; }

# The CEN artefacts, from an unpacked release or from the HEAD of a clone.
artefact() {
  local path=$1 target=$2
  if [[ -f $cen/$path ]]; then
    cp "$cen/$path" "$target"
  elif git -C "$cen" rev-parse --git-dir > /dev/null 2>&1; then
    git -C "$cen" show "HEAD:$path" > "$target"
  else
    echo "error: $cen has no $path (expected a release or a clone of ConnectingEurope/eInvoicing-EN16931)" >&2
    exit 2
  fi
}

mkdir -p "$out/rules"
artefact cii/xslt/EN16931-CII-validation.xslt "$out/rules/cen-cii.xslt"
artefact ubl/xslt/EN16931-UBL-validation.xslt "$out/rules/cen-ubl.xslt"
release=$(grep -o -m1 'Schematron version [0-9.]*' "$out/rules/cen-cii.xslt" || echo 'Schematron version unknown')
echo "CEN EN 16931 rules: $release"

# A summary of one SVRL report per line: FLAG<TAB>RULE<TAB>TEXT<TAB>LOCATION.
cat > "$out/rules/summary.xslt" << 'XSL'
<xsl:stylesheet version="2.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:svrl="http://purl.oclc.org/dsdl/svrl">
  <xsl:output method="text"/>
  <xsl:template match="/">
    <xsl:for-each select="//svrl:failed-assert | //svrl:successful-report">
      <xsl:value-of select="concat(if (@flag) then @flag else 'fatal', '&#9;', @id, '&#9;', normalize-space(svrl:text), '&#9;', @location, '&#10;')"/>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
XSL

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "Building the CLI..." >&2
dotnet build "$root/src/Invoicing.Cli" -c Release -v quiet -nologo > "$out/build.log" 2>&1 || { cat "$out/build.log" >&2; exit 2; }
cli_dll="${INVOICING_ARTIFACTS:-$root/artifacts}/bin/Invoicing.Cli/release/Invoicing.Cli.dll"

# Our invoices, one folder per target. A sample without a number (BT-1) gets one: a draft cannot be sent.
variants=(cii-en16931 cii-basic cii-extended ubl)
for variant in "${variants[@]}"; do mkdir -p "$out/$variant" "$out/svrl-$variant" "$out/losses-$variant"; done
mkdir -p "$out/json"
for sample in "$root"/samples/invoices/*.json; do
  name=$(basename "$sample" .json)
  if grep -q '"number"' "$sample"; then
    cp "$sample" "$out/json/$name.json"
  else
    sed '0,/^{/s//{ "number": "SAMPLE-1",/' "$sample" > "$out/json/$name.json"
  fi

  for variant in "${variants[@]}"; do
    case $variant in
      cii-*) args=(--to cii --profile "${variant#cii-}") ;;
      ubl) args=(--to ubl) ;;
    esac
    dotnet "$cli_dll" convert "$out/json/$name.json" "${args[@]}" -o "$out/$variant/$name.xml" 2> "$out/losses-$variant/$name.txt"
  done
done

# The corpus examples, read and written again (EN 16931 and UBL only: the other profiles are covered by the samples).
if [[ -n ${CORPUS_DIR:-} ]]; then
  count=0
  while IFS= read -r file; do
    name=corpus-$(realpath --relative-to="$CORPUS_DIR" "$file" | sed -e 's#/#-#g' -e 's/\.xml$//')
    dotnet "$cli_dll" convert "$file" --to cii --profile en16931 -o "$out/cii-en16931/$name.xml" 2> "$out/losses-cii-en16931/$name.txt"
    dotnet "$cli_dll" convert "$file" --to ubl -o "$out/ubl/$name.xml" 2> "$out/losses-ubl/$name.txt"
    count=$((count + 1))
  done < <(find "$CORPUS_DIR/en16931/cii-examples" "$CORPUS_DIR/en16931/ubl-examples" "$CORPUS_DIR/en16931/ubl-testfiles" \
    "$CORPUS_DIR/peppol" "$CORPUS_DIR/xrechnung-business-cases" "$CORPUS_DIR/facturx-official/3._EN16931" -name '*.xml' | sort)
  echo "Corpus: $count files read and written again" >&2
fi

# One Java start per rule set: Saxon transforms a whole folder.
for variant in "${variants[@]}"; do
  case $variant in
    cii-*) rules=$out/rules/cen-cii.xslt ;;
    ubl) rules=$out/rules/cen-ubl.xslt ;;
  esac
  saxon -s:"$out/$variant" -xsl:"$rules" -o:"$out/svrl-$variant" -ext:off 2> "$out/saxon-$variant.log" \
    || { cat "$out/saxon-$variant.log" >&2; exit 2; }
done

# Peppol BIS Billing 3.0 on the UBL output, when its rules and a Schematron skeleton are given.
if [[ -n ${PEPPOL_DIR:-} && -n ${SCHEMATRON_SKELETON:-} ]]; then
  sch=$out/rules/peppol-ubl.sch
  if [[ -f $PEPPOL_DIR/rules/sch/PEPPOL-EN16931-UBL.sch ]]; then
    cp "$PEPPOL_DIR/rules/sch/PEPPOL-EN16931-UBL.sch" "$sch"
  else
    git -C "$PEPPOL_DIR" show HEAD:rules/sch/PEPPOL-EN16931-UBL.sch > "$sch"
  fi

  saxon -s:"$sch" -xsl:"$SCHEMATRON_SKELETON/iso_dsdl_include.xsl" -o:"$out/rules/peppol-1.sch"
  saxon -s:"$out/rules/peppol-1.sch" -xsl:"$SCHEMATRON_SKELETON/iso_abstract_expand.xsl" -o:"$out/rules/peppol-2.sch"
  saxon -s:"$out/rules/peppol-2.sch" -xsl:"$SCHEMATRON_SKELETON/iso_svrl_for_xslt2.xsl" -o:"$out/rules/peppol-ubl.xslt" allow-foreign=true
  variants+=(ubl-peppol)
  mkdir -p "$out/ubl-peppol" "$out/svrl-ubl-peppol"
  # Peppol rules apply to the documents that claim Peppol BIS (BT-24); the others say EN 16931 only.
  { grep -l -F 'urn:fdc:peppol.eu:2017:poacc:billing:3.0' "$out"/ubl/*.xml || true; } | xargs -r cp -t "$out/ubl-peppol"
  saxon -s:"$out/ubl-peppol" -xsl:"$out/rules/peppol-ubl.xslt" -o:"$out/svrl-ubl-peppol" -ext:off 2> "$out/saxon-ubl-peppol.log" \
    || { cat "$out/saxon-ubl-peppol.log" >&2; exit 2; }
fi

# The French rules, on the documents with a French seller, with SaxonJS: each XSLT compiled once to SEF, then one
# run per document with the SEF as the stylesheet.
if [[ -n ${BR_FR_CII:-} || -n ${BR_FR_UBL:-} ]]; then
  xslt3=$("$root/eng/install-saxonjs.sh")
  echo "French rules: SaxonJS (xslt3 $(node -p "require('$(dirname "$xslt3")/package.json').version"))" >&2
  # The seller's country (BT-40) of every document, one text file per document.
  cat > "$out/rules/seller-country.xslt" << 'XSL'
<xsl:stylesheet version="2.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text"/>
  <xsl:template match="/">
    <xsl:value-of select="(//*:SellerTradeParty/*:PostalTradeAddress/*:CountryID,
      //*:AccountingSupplierParty/*:Party/*:PostalAddress/*:Country/*:IdentificationCode)[1]"/>
  </xsl:template>
</xsl:stylesheet>
XSL
fi
for syntax in cii ubl; do
  rules_var=BR_FR_${syntax^^}
  [[ -n ${!rules_var:-} ]] || continue
  source_dir=$out/ubl
  [[ $syntax == cii ]] && source_dir=$out/cii-en16931
  variant=$syntax-br-fr
  variants+=("$variant")
  mkdir -p "$out/$variant" "$out/svrl-$variant" "$out/country-$variant"
  saxon -s:"$source_dir" -xsl:"$out/rules/seller-country.xslt" -o:"$out/country-$variant"
  for country in "$out/country-$variant"/*.xml; do
    if [[ $(cat "$country") == FR ]]; then cp "$source_dir/$(basename "$country")" "$out/$variant/"; fi
  done
  sef=$out/rules/br-fr-$syntax.sef.json
  node "$xslt3" -xsl:"${!rules_var}" -export:"$sef" -nogo 2> "$out/saxonjs-$variant.log" \
    || { cat "$out/saxonjs-$variant.log" >&2; exit 2; }
  for document in "$out/$variant"/*.xml; do
    [[ -f $document ]] || continue
    node "$xslt3" -xsl:"$sef" -s:"$document" -o:"$out/svrl-$variant/$(basename "$document")" 2>> "$out/saxonjs-$variant.log" \
      || { cat "$out/saxonjs-$variant.log" >&2; exit 2; }
  done
done

errors=0
warnings=0
printf '\n%-44s %-14s %7s %9s\n' sample rules errors warnings
for variant in "${variants[@]}"; do
  mkdir -p "$out/summary-$variant"
  saxon -s:"$out/svrl-$variant" -xsl:"$out/rules/summary.xslt" -o:"$out/summary-$variant"
  for report in "$out/summary-$variant"/*.xml; do
    name=$(basename "$report" .xml)
    e=$(grep -c -v -P '^(warning|information)\t' "$report" || true)
    w=$(grep -c -P '^(warning|information)\t' "$report" || true)
    errors=$((errors + e))
    warnings=$((warnings + w))
    printf "%-44s %-14s %7d %9d\n" "$name" "$variant" "$e" "$w"
    if [[ -s $report ]]; then
      # Locations without the namespace tests: /CrossIndustryInvoice[1]/SupplyChainTradeTransaction[1]/...
      sed -e "s/\[namespace-uri()='[^']*'\]//g" -e 's#\*:##g' "$report" \
        | awk -F'\t' '{ printf "    %-8s %-12s %s\n             at %s\n", $1, $2, $3, $4 }'
    fi
  done
done

echo
echo "total: $errors errors, $warnings warnings ($release)"
[[ $# -eq 2 ]] && echo "invoices and reports kept in $out"
[[ $errors -eq 0 ]]
