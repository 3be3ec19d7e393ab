using System.Collections.Frozen;

namespace Invoicing.France;

/// <summary>
/// The reason codes of a status (MDT-113, closed list BR-FR-CDV-CL-09) and which reasons each status accepts, as the
/// schematron V1.4.0 checks them. Pure.
/// </summary>
public static class StatusReasonCodes
{
    private static readonly FrozenSet<string> All = FrozenSet.Create(
        StringComparer.Ordinal,
        "RETRAIT_MAN_SERV", "ST_CT_NON_DECLAR", "SUPPR_COMP_AVOIR", "TRANSF_PMNT_REGIE", "CONTACT_ACHTR", "NON_TRANSMISE", "JUSTIF_ABS",
        "ROUTAGE_ERR", "AUTRE", "COORD_BANC_ERR", "TX_TVA_ERR", "MONTANTTOTAL_ERR", "CALCUL_ERR", "NON_CONFORME", "DOUBLON", "DEST_INC",
        "DEST_ERR", "TRANSAC_INC", "EMMET_INC", "CONTRAT_TERM", "DOUBLE_FACT", "CMD_ERR", "ADR_ERR", "SIRET_ERR", "CODE_ROUTAGE_ERR",
        "REF_CT_ABSENT", "REF_ERR", "PU_ERR", "REM_ERR", "QTE_ERR", "ART_ERR", "MODPAI_ERR", "QUALITE_ERR", "LIVR_INCOMP", "REJ_SEMAN",
        "REJ_UNI", "REJ_COH", "REJ_ADR", "REJ_CONT_B2G", "REJ_REF_PJ", "REJ_ASS_PJ", "IRR_VIDE_F", "IRR_TYPE_F", "IRR_SYNTAX",
        "IRR_TAILLE_PJ", "IRR_NOM_PJ", "IRR_VID_PJ", "IRR_EXT_DOC", "IRR_TAILLE_F", "IRR_ANTIVIRUS", "IRR_NOM_F");

    private static readonly FrozenDictionary<LifecycleStatus, FrozenSet<string>> ByStatus = new Dictionary<LifecycleStatus, FrozenSet<string>>
    {
        [LifecycleStatus.Deposited] = Set("NON_TRANSMISE"),
        [LifecycleStatus.Rejected] = Set("MONTANTTOTAL_ERR", "CALCUL_ERR", "DOUBLON", "DEST_INC", "ADR_ERR", "REJ_SEMAN", "REJ_UNI", "REJ_COH", "REJ_ADR", "REJ_CONT_B2G", "REJ_REF_PJ", "REJ_ASS_PJ"),
        [LifecycleStatus.Refused] = Set("TX_TVA_ERR", "MONTANTTOTAL_ERR", "CALCUL_ERR", "NON_CONFORME", "DOUBLON", "DEST_ERR", "TRANSAC_INC", "EMMET_INC", "CONTRAT_TERM", "DOUBLE_FACT", "CMD_ERR", "ADR_ERR", "REF_CT_ABSENT"),
        [LifecycleStatus.Disputed] = Set(
            "AUTRE", "COORD_BANC_ERR", "TX_TVA_ERR", "MONTANTTOTAL_ERR", "CALCUL_ERR", "NON_CONFORME", "DOUBLON", "DEST_INC", "DEST_ERR", "TRANSAC_INC", "EMMET_INC",
            "CONTRAT_TERM", "DOUBLE_FACT", "CMD_ERR", "ADR_ERR", "SIRET_ERR", "CODE_ROUTAGE_ERR", "REF_CT_ABSENT", "REF_ERR", "PU_ERR", "REM_ERR", "QTE_ERR", "ART_ERR",
            "MODPAI_ERR", "QUALITE_ERR", "LIVR_INCOMP"),
        [LifecycleStatus.PartiallyApproved] = Set("AUTRE", "CMD_ERR", "SIRET_ERR", "CODE_ROUTAGE_ERR", "REF_CT_ABSENT", "REF_ERR", "PU_ERR", "REM_ERR", "QTE_ERR", "ART_ERR", "MODPAI_ERR", "QUALITE_ERR", "LIVR_INCOMP"),
        [LifecycleStatus.Suspended] = Set("JUSTIF_ABS", "COORD_BANC_ERR", "CMD_ERR", "SIRET_ERR", "CODE_ROUTAGE_ERR", "REF_CT_ABSENT", "REF_ERR"),
        [LifecycleStatus.RoutingError] = Set("ROUTAGE_ERR"),
        [LifecycleStatus.Inadmissible] = Set("IRR_VIDE_F", "IRR_TYPE_F", "IRR_SYNTAX", "IRR_TAILLE_PJ", "IRR_NOM_PJ", "IRR_VID_PJ", "IRR_EXT_DOC", "IRR_TAILLE_F", "IRR_ANTIVIRUS", "IRR_NOM_F"),
    }.ToFrozenDictionary();

    /// <summary>The refusal reasons a public buyer (the sender registered as 9999) may give with 210 (BR-FR-CDV-CL-09, 210B2G).</summary>
    private static readonly FrozenSet<string> PublicBuyerRefusal = Set(
        "RETRAIT_MAN_SERV", "ST_CT_NON_DECLAR", "SUPPR_COMP_AVOIR", "TRANSF_PMNT_REGIE", "AUTRE", "COORD_BANC_ERR", "TX_TVA_ERR", "MONTANTTOTAL_ERR", "CALCUL_ERR",
        "NON_CONFORME", "DOUBLON", "DEST_ERR", "TRANSAC_INC", "EMMET_INC", "CONTRAT_TERM", "DOUBLE_FACT", "CMD_ERR", "ADR_ERR", "REF_CT_ABSENT", "LIVR_INCOMP");

    /// <summary>Whether <paramref name="code"/> is on the closed list of reason codes.</summary>
    public static bool IsListed(string? code) => code is not null && All.Contains(code);

    /// <summary>
    /// Whether a status must give a reason (BR-FR-CDV-15): partly approved, disputed, suspended, refused, rejected,
    /// inadmissible.
    /// </summary>
    public static bool IsRequired(LifecycleStatus status) => status is LifecycleStatus.PartiallyApproved or LifecycleStatus.Disputed
        or LifecycleStatus.Suspended or LifecycleStatus.Refused or LifecycleStatus.Rejected or LifecycleStatus.Inadmissible;

    /// <summary>
    /// Whether <paramref name="status"/> accepts the reason <paramref name="code"/>: a listed code, and for the statuses
    /// whose reasons the rules restrict, one of theirs. A refusal by a public buyer has its own list.
    /// </summary>
    public static bool IsAllowed(LifecycleStatus status, string code, bool byPublicBuyer = false)
    {
        if (!IsListed(code))
        {
            return false;
        }

        if (status == LifecycleStatus.Refused && byPublicBuyer)
        {
            return PublicBuyerRefusal.Contains(code);
        }

        return !ByStatus.TryGetValue(status, out var allowed) || allowed.Contains(code);
    }

    private static FrozenSet<string> Set(params string[] codes) => FrozenSet.Create(StringComparer.Ordinal, codes);
}
