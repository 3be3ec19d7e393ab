using System.Collections.Frozen;

namespace Invoicing.EInvoicing.Ubl;

/// <summary>
/// The code lists the EN 16931 rules check (BR-CL-*), as far as they are carried here: ISO 4217, ISO 3166-1,
/// UNTDID 1001 (EN 16931 subset), 4461, 5189, 7161, 5305 (EN 16931 subset), the ISO 6523 ICD range, the EAS
/// list and the Factur-X / Peppol MIME codes. Not carried (too long to keep by hand): UN/ECE Recommendation 20/21
/// units, UNTDID 7143 item classification schemes and UNTDID 1153 reference qualifiers.
/// </summary>
internal static class CodeLists
{
    private static readonly FrozenSet<string> Countries = Set(
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
        "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
        "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
        "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT " +
        "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
        "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG " +
        "UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW 1A XI");

    private static readonly FrozenSet<string> Currencies = Set(
        "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE " +
        "CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ " +
        "GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL " +
        "LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN " +
        "PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD " +
        "TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT " +
        "XSU XTS XUA XXX YER ZAR ZMW ZWG ZWL");

    private static readonly FrozenSet<string> DocumentTypes = Set(
        "71 80 81 82 83 84 102 130 202 203 204 211 218 219 261 262 295 296 308 325 326 331 380 381 382 383 384 385 386 387 " +
        "388 389 390 393 394 395 396 420 456 457 527 532 553 575 623 633 751 780 817 870 875 876 877 935");

    private static readonly FrozenSet<string> AllowanceReasons = Set("41 42 60 62 63 64 65 66 67 68 70 71 88 95 100 102 103 104 105");

    private static readonly FrozenSet<string> ChargeReasons = Set(
        "AA AAA AAC AAD AAE AAF AAH AAI AAS AAT AAV AAY AAZ ABA ABB ABC ABD ABF ABK ABL ABN ABR ABS ABT ABU ACF ACG ACH ACI " +
        "ACJ ACK ACL ACM ACS ADC ADE ADJ ADK ADL ADM ADN ADO ADP ADQ ADR ADT ADW ADY ADZ AEA AEB AEC AED AEF AEH AEI AEJ AEK " +
        "AEL AEM AEN AEO AEP AES AET AEU AEV AEW AEX AEY AEZ AJ AU CA CAB CAD CAE CAF CAI CAJ CAK CAL CAM CAN CAO CAP CAQ CAR " +
        "CAS CAT CAU CAV CAW CAX CAY CAZ CD CG CS CT DAB DAC DAD DAF DAG DAH DAI DAJ DAK DAL DAM DAN DAO DAP DAQ DL EG EP ER " +
        "FAA FAB FAC FC FH FI GAA HAA HD HH IAA IAB ID IF IR IS KO L1 LA LAA LAB LF MAE MI ML NAA OA PA PAA PC PL PRV RAB RAC " +
        "RAD RAF RE RF RH RV SA SAA SAD SAE SAI SG SH SM SU TAB TAC TT TV V1 V2 WH XAA YY ZZZ");

    private static readonly FrozenSet<string> VatCategories = Set("AE L M E S Z G O K B");

    private static readonly FrozenSet<string> ElectronicAddressSchemes = Set(
        "0002 0007 0009 0037 0060 0088 0096 0097 0106 0130 0135 0142 0147 0151 0170 0183 0184 0188 0190 0191 0192 0193 0194 " +
        "0195 0196 0198 0199 0200 0201 0202 0203 0204 0205 0208 0209 0210 0211 0212 0213 0215 0216 0217 0218 0219 0220 0221 " +
        "0225 0230 0235 0240 9901 9910 9913 9914 9915 9918 9919 9920 9922 9923 9924 9925 9926 9927 9928 9929 9930 9931 9932 " +
        "9933 9934 9935 9936 9937 9938 9939 9940 9941 9942 9943 9944 9945 9946 9947 9948 9949 9950 9951 9952 9953 9957 9959 " +
        "AN AQ AS AU EM");

    private static readonly FrozenSet<string> MimeCodes = Set(
        "application/pdf image/png image/jpeg text/csv application/vnd.openxmlformats-officedocument.spreadsheetml.sheet " +
        "application/vnd.oasis.opendocument.spreadsheet");

    /// <summary>ISO 3166-1 alpha-2 (with 1A Kosovo and XI Northern Ireland, as EN 16931 allows).</summary>
    public static bool IsCountry(string? code) => code is not null && Countries.Contains(code);

    /// <summary>A VAT identifier prefix: a country code, or EL for Greece.</summary>
    public static bool IsVatPrefix(string prefix) => prefix == "EL" || IsCountry(prefix);

    /// <summary>ISO 4217 alpha-3.</summary>
    public static bool IsCurrency(string? code) => code is not null && Currencies.Contains(code);

    /// <summary>UNTDID 1001, the invoice and credit note codes EN 16931 allows (BT-3).</summary>
    public static bool IsDocumentType(string? code) => code is not null && DocumentTypes.Contains(code);

    /// <summary>UNTDID 4461 payment means (BT-81): 1 to 97 and ZZZ.</summary>
    public static bool IsPaymentMeans(string? code) =>
        code == "ZZZ" || (code is { Length: > 0 and <= 2 } && code[0] != '0' && int.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 97);

    /// <summary>UNTDID 5189 allowance reasons (BT-98, BT-140).</summary>
    public static bool IsAllowanceReason(string? code) => code is not null && AllowanceReasons.Contains(code);

    /// <summary>UNTDID 7161 charge reasons (BT-105, BT-145).</summary>
    public static bool IsChargeReason(string? code) => code is not null && ChargeReasons.Contains(code);

    /// <summary>UNTDID 5305, the VAT categories EN 16931 allows.</summary>
    public static bool IsVatCategory(string? code) => code is not null && VatCategories.Contains(code);

    /// <summary>An ISO 6523 ICD: four digits from 0002 to 0240.</summary>
    public static bool IsIcd(string? code) =>
        code is { Length: 4 } && int.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 2 and <= 240;

    /// <summary>The electronic address schemes (EAS) of BT-34 and BT-49.</summary>
    public static bool IsElectronicAddressScheme(string? code) => code is not null && ElectronicAddressSchemes.Contains(code);

    /// <summary>The MIME codes allowed for an attached document (BT-125).</summary>
    public static bool IsMimeCode(string? code) => code is not null && MimeCodes.Contains(code);

    /// <summary>A VATEX exemption reason code (BT-121): the VATEX- family, in any case.</summary>
    public static bool IsVatex(string? code) => code is not null && code.StartsWith("VATEX-", StringComparison.OrdinalIgnoreCase) && code.Length > 6;

    private static FrozenSet<string> Set(string codes) =>
        codes.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
}
