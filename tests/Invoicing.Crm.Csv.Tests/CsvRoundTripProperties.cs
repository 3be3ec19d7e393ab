using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using FsCheck.Xunit;

namespace Invoicing.Crm.Csv.Tests;

/// <summary>
/// Any table a CSV writer produces, with either separator, any quoting, point or comma decimals, with or without a
/// BOM, reads back to the same records.
/// </summary>
public sealed class CsvRoundTripProperties
{
    private const string Alphabet = "abcXYZ éèçÉ;,\"'\t.-_/0123456789€😀";

    [Property(MaxTest = 200)]
    public void Read_AnyWrittenTable_SameRecords(int seed, bool semicolon, bool quoteAll, bool decimalComma, bool bom)
    {
        var random = new Random(seed);
        var customers = Enumerable.Range(0, random.Next(1, 6)).Select(i => new CrmCustomer
        {
            Id = "C" + i.ToString(CultureInfo.InvariantCulture) + Text(random, required: true),
            Name = Text(random, required: true),
            Siren = Text(random),
            VatId = Text(random),
            Email = Text(random),
            Address = new CrmAddress { Line1 = Text(random), City = Text(random), PostCode = Text(random), Country = Text(random) },
        }).ToArray();
        var deals = Enumerable.Range(0, random.Next(1, 5)).Select(i => new CrmDeal
        {
            Id = "D" + i.ToString(CultureInfo.InvariantCulture) + Text(random, required: true),
            Version = "-",
            CustomerId = customers[random.Next(customers.Length)].Id,
            IsWon = true,
            Name = Text(random),
            Currency = random.Next(2) == 0 ? null : "EUR",
            PaymentDays = random.Next(2) == 0 ? null : random.Next(0, 90),
            Lines = [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => new CrmDealLine
            {
                Name = Text(random, required: true),
                Quantity = Amount(random),
                UnitPrice = Amount(random),
                VatCategory = random.Next(2) == 0 ? null : "S",
                VatRate = random.Next(2) == 0 ? null : 5.5m,
                UnitCode = random.Next(2) == 0 ? null : "HUR",
            })],
        }).ToArray();

        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = semicolon ? ";" : ",",
            ShouldQuote = args => quoteAll || args.Field is not null && (args.Field.Contains(semicolon ? ';' : ',') || args.Field.Contains('"') || args.Field.Contains('\n') || args.Field.Contains('\r')),
        };
        // In the order of CsvColumns.Customers: id, name, siren, siret, vat_id, email, language, contact_name, phone, address_line1, address_line2, city, post_code, region, country.
        var customersText = Write(config, bom, CsvColumns.Customers, customers.Select(c => new[]
        {
            c.Id, c.Name, c.Siren, null, c.VatId, c.Email, null, null, null, c.Address!.Line1, null, c.Address.City, c.Address.PostCode, null, c.Address.Country,
        }));
        var linesText = Write(config, bom, CsvColumns.Lines, deals.SelectMany(d => d.Lines.Select(l => new[]
        {
            d.Id, d.CustomerId, d.Name, d.Currency, d.PaymentDays?.ToString(CultureInfo.InvariantCulture), null, null, l.Name, null, null,
            Decimal(l.Quantity, decimalComma), Decimal(l.UnitPrice, decimalComma), l.VatCategory, Decimal(l.VatRate, decimalComma), l.UnitCode,
        })));

        var result = CsvCrmSource.Read(new StringReader(customersText), "customers.csv", new StringReader(linesText), "lines.csv");

        Assert.Empty(result.Errors);
        Assert.Equal(customers, result.Source!.Customers);
        Assert.Equal(deals.Length, result.Source.Deals.Count);
        for (var i = 0; i < deals.Length; i++)
        {
            var read = result.Source.Deals[i];
            Assert.Equal(deals[i] with { Version = read.Version, Lines = [] }, read with { Lines = [] });
            Assert.Equal(deals[i].Lines, read.Lines);
        }
    }

    private static string Write(CsvConfiguration config, bool bom, IReadOnlyList<string> header, IEnumerable<string?[]> rows)
    {
        var text = new StringWriter();
        using (var csv = new CsvWriter(text, config))
        {
            foreach (var column in header)
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var field in row)
                {
                    csv.WriteField(field ?? string.Empty);
                }

                csv.NextRecord();
            }
        }

        return (bom ? "\uFEFF" : string.Empty) + text;
    }

    private static string? Text(Random random, bool required = false)
    {
        if (!required && random.Next(3) == 0)
        {
            return null;
        }

        var builder = new StringBuilder();
        var length = random.Next(1, 12);
        for (var i = 0; i < length; i++)
        {
            builder.Append(Alphabet[random.Next(Alphabet.Length - 2)]);
            if (random.Next(20) == 0)
            {
                builder.Append(random.Next(2) == 0 ? "\n" : "😀");
            }
        }

        // Cells are read trimmed: a value does not start or end with white space.
        var value = builder.ToString().Trim();
        return value.Length == 0 ? "x" : value;
    }

    private static decimal Amount(Random random) => new(random.Next(0, 1_000_000), 0, 0, random.Next(5) == 0, (byte)random.Next(0, 5));

    private static string? Decimal(decimal? value, bool comma)
    {
        var text = value?.ToString(CultureInfo.InvariantCulture);
        return comma ? text?.Replace('.', ',') : text;
    }
}
