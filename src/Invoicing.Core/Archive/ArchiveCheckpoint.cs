using System.Globalization;

namespace Invoicing.Core;

/// <summary>
/// The seal a store puts, once, over the documents of an archive hashed in <see cref="ArchiveHash.FormatDocument"/>
/// when it moves the archive to <see cref="ArchiveHash.FormatMetadata"/>. Their hashes cannot be recomputed without
/// breaking the chain, and do not cover their counter keys; the checkpoint covers them instead and is itself a link of
/// the chain: the first format-2 document's previous hash is <see cref="Hash"/>, not the last format-1 document's hash.
/// </summary>
/// <remarks>
/// Each format-1 document gets a metadata seal, chained like the archive (<see cref="NextSeal"/>: the previous seal,
/// the document's hash and its metadata, counter key included, as format 2 would hash them); the store keeps it per
/// row, so a counter key changed later is reported at its row. The checkpoint holds the last seal and the last
/// format-1 hash, and its <see cref="Hash"/> over them continues the chain. What the checkpoint cannot do: vouch for a
/// counter key changed before it was sealed (it seals the archive as it finds it), or resist someone who rewrites it,
/// the seals and every later hash, which the chain alone never could either (keep the latest hash outside the database).
/// </remarks>
/// <param name="DocumentsCovered">How many documents, from the first, are hashed in format 1 and sealed.</param>
/// <param name="LastHash">The hash of the last of them.</param>
/// <param name="Seal">The metadata seal of the last of them.</param>
/// <param name="Hash">The link to the first format-2 document: <see cref="ComputeHash"/> of the above.</param>
public sealed record ArchiveCheckpoint(long DocumentsCovered, string LastHash, string Seal, string Hash)
{
    /// <summary>The checkpoint over <paramref name="documentsCovered"/> documents, with its hash computed.</summary>
    /// <exception cref="ArgumentException">A hash or seal is not 64 lower-case hex digits, or no document is covered.</exception>
    public static ArchiveCheckpoint Create(long documentsCovered, string lastHash, string seal) =>
        new(documentsCovered, lastHash, seal, ComputeHash(documentsCovered, lastHash, seal));

    /// <summary>The checkpoint's link: SHA-256 over <c>invoicing-archive-checkpoint/1 \n lastHash \n documentsCovered \n seal \n</c>.</summary>
    /// <exception cref="ArgumentException">As <see cref="Create"/>.</exception>
    public static string ComputeHash(long documentsCovered, string lastHash, string seal)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(documentsCovered, 1);
        RequireHash(lastHash, nameof(lastHash));
        RequireHash(seal, nameof(seal));
        return ArchiveHash.Digest(ArchiveHash.Utf8(string.Create(CultureInfo.InvariantCulture, $"invoicing-archive-checkpoint/1\n{lastHash}\n{documentsCovered}\n{seal}\n")));
    }

    /// <summary>
    /// The metadata seal of a format-1 document: SHA-256 over <c>invoicing-archive-seal/1 \n previousSeal \n hash \n</c>
    /// and its metadata lines (as the format-2 header writes them), with the counter key its row holds. The first
    /// document's previous seal is <see cref="ArchiveHash.Genesis"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The previous seal is not 64 hex digits, the document has no number, or the counter key is empty.</exception>
    public static string NextSeal(string previousSeal, IssuedInvoice issued, string counterKey)
    {
        RequireHash(previousSeal, nameof(previousSeal));
        ArgumentNullException.ThrowIfNull(issued);
        ArgumentException.ThrowIfNullOrEmpty(counterKey);
        if (string.IsNullOrEmpty(issued.Document.Number))
        {
            throw new ArgumentException("Only numbered documents are sealed.", nameof(issued));
        }

        return ArchiveHash.Digest([
            .. ArchiveHash.Utf8("invoicing-archive-seal/1\n" + previousSeal + "\n" + ArchiveHash.Line(issued.Hash)),
            .. ArchiveMetadata.Of(issued, counterKey).Block()]);
    }

    private static void RequireHash(string value, string name)
    {
        if (!ArchiveHash.IsHash(value))
        {
            throw new ArgumentException("A hash or seal is 64 lower-case hex digits.", name);
        }
    }
}
