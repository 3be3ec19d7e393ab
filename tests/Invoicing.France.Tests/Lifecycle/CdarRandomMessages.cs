using System.Globalization;
using System.Text;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.France.Tests;

/// <summary>
/// Random valid status messages from a seed, so a property test can name the seed of a failure and the schematron
/// can check a whole batch in one run: statuses of one phase, the reasons each allows, amounts, texts with XML's
/// special characters and accents.
/// </summary>
internal static class CdarRandomMessages
{
    private static readonly string[] BusinessRoles = ["BY", "AB", "DL", "SE", "SR", "PE", "PR", "II", "IV"];
    private static readonly string[] RecipientRoles = ["BY", "AB", "DL", "SE", "SR", "PE", "PR", "II", "IV", "WK", "DFH"];
    private static readonly string[] AmountTypes = ["MEN", "MPA", "RAP", "ESC", "RAB", "REM", "MAP", "MAPTTC", "MNA", "MNATTC", "CBB", "DIV", "DVA", "MAJ"];
    private static readonly string[] DocumentTypes = ["380", "389", "381", "384", "386", "393", "501", "261"];
    private static readonly string[] AllReasons = ["AUTRE", "CMD_ERR", "QTE_ERR", "PU_ERR", "DOUBLON", "TX_TVA_ERR", "JUSTIF_ABS", "REF_ERR", "NON_TRANSMISE", "ROUTAGE_ERR", "IRR_SYNTAX", "REJ_SEMAN", "LIVR_INCOMP", "RETRAIT_MAN_SERV", "COORD_BANC_ERR", "MONTANTTOTAL_ERR", "DEST_INC"];
    private const string TextAlphabet = "abcdefXYZ 0123456789éèàçÉœ€&<>\"'-_/.,;:!?";

    public static CdarMessage Create(int seed)
    {
        var random = new Random(seed);
        var phase = random.Next(2) == 0 ? LifecyclePhase.Processing : LifecyclePhase.Transmission;
        var statuses = LifecycleStatuses.All.Where(s => LifecycleStatuses.PhaseOf(s) == phase).ToArray();
        var publicBuyer = phase == LifecyclePhase.Processing && random.Next(6) == 0;
        var sender = CdarParty.Platform(publicBuyer ? CdarRoles.PublicBuyerRegistration : random.Next(1, 9999).ToString("0000", CultureInfo.InvariantCulture), Maybe(random, Text(random)));
        var reports = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Report(random, statuses[random.Next(statuses.Length)], publicBuyer)).ToList();
        return new CdarMessage
        {
            MessageId = "M" + random.NextInt64(1, long.MaxValue).ToString(CultureInfo.InvariantCulture),
            IssuedAt = Instant.FromUtc(2000, 1, 1, 0, 0).Plus(Duration.FromSeconds(random.NextInt64(0, 99L * 365 * 86400))),
            Sender = phase == LifecyclePhase.Processing && random.Next(3) == 0 ? new CdarParty { Role = Pick(random, BusinessRoles) } : sender,
            Issuer = phase == LifecyclePhase.Transmission ? CdarParty.Platform(name: Maybe(random, Text(random))) : new CdarParty { Role = Pick(random, BusinessRoles), Id = Identifier.Siren(Digits(random, 9)), Name = Maybe(random, Text(random)) },
            Recipients = Enumerable.Range(0, random.Next(1, 3)).Select(_ => Recipient(random)).ToList(),
            Reports = reports,
        };
    }

    private static InvoiceStatusReport Report(Random random, LifecycleStatus status, bool publicBuyer)
    {
        var allowed = AllReasons.Where(code => StatusReasonCodes.IsAllowed(status, code, publicBuyer)).ToArray();
        var reasons = new List<StatusReason>();
        var count = allowed.Length == 0 ? 0 : random.Next(StatusReasonCodes.IsRequired(status) ? 1 : 0, 3);
        for (var i = 0; i < count; i++)
        {
            reasons.Add(new StatusReason(Pick(random, allowed), Maybe(random, Text(random))));
        }

        if (random.Next(5) == 0)
        {
            reasons.Add(new StatusReason(null, Text(random)));
        }

        var amounts = Enumerable.Range(0, random.Next(0, 3)).Select(_ => new StatusAmount(Pick(random, AmountTypes), Money(random), random.Next(2) == 0 ? Currency.Eur : null, random.Next(2) == 0 ? Pick(random, [20m, 10m, 5.5m, 2.1m, 0m]) : null)).ToList();
        if (status == LifecycleStatus.Cashed)
        {
            amounts.RemoveAll(a => a.Type == StatusAmountTypes.Cashed);
            amounts.Add(new StatusAmount(StatusAmountTypes.Cashed, Money(random), Currency.Eur, Pick(random, [20m, 10m, 5.5m])));
        }

        var inadmissible = status == LifecycleStatus.Inadmissible;
        return new InvoiceStatusReport
        {
            InvoiceNumber = "F" + Digits(random, random.Next(1, 12)) + (random.Next(2) == 0 ? "-A/É" : string.Empty),
            InvoiceIssueDate = inadmissible && random.Next(2) == 0 ? null : new LocalDate(2000, 1, 1).PlusDays(random.Next(0, 36000)),
            DocumentTypeCode = random.Next(3) == 0 ? null : Pick(random, DocumentTypes),
            Status = status,
            Seller = inadmissible && random.Next(2) == 0 ? null : CdarParty.Seller(Digits(random, 9), Maybe(random, Text(random))),
            Reasons = reasons,
            Amounts = amounts,
        };
    }

    private static CdarParty Recipient(Random random)
    {
        var role = Pick(random, RecipientRoles);
        var platform = role is "WK" or "DFH";
        return new CdarParty
        {
            Role = role,
            Id = random.Next(2) == 0 ? Identifier.Siren(Digits(random, 9)) : null,
            Name = Maybe(random, Text(random)),
            ElectronicAddress = platform && random.Next(2) == 0 ? null : new Identifier(Digits(random, 9) + "_" + Digits(random, 3), "0225"),
        };
    }

    private static decimal Money(Random random) => random.NextInt64(-1_000_000_00, 10_000_000_00) / 100m;

    private static string Digits(Random random, int length) => string.Concat(Enumerable.Range(0, length).Select(_ => (char)('0' + random.Next(10))));

    private static string Text(Random random)
    {
        var builder = new StringBuilder();
        builder.Append(TextAlphabet[random.Next(0, 9)]);
        for (var i = random.Next(0, 40); i > 0; i--)
        {
            builder.Append(TextAlphabet[random.Next(TextAlphabet.Length)]);
        }

        return builder.ToString();
    }

    private static string? Maybe(Random random, string value) => random.Next(2) == 0 ? value : null;

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];
}
