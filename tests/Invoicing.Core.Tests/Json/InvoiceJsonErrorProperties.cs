using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Invoicing.Core.Tests.Json;

/// <summary>
/// Whatever is done to a valid invoice JSON, reading it either succeeds or throws an
/// <see cref="InvoiceFormatException"/> whose message speaks the user's words; never another exception.
/// </summary>
public sealed class InvoiceJsonErrorProperties
{
    private static readonly byte[] Sample = File.ReadAllBytes(TestPaths.Sample("fr-domestic.json"));

    private static readonly string[] Hostile =
    [
        "null", "\"\"", "\"abc\"", "0", "-1", "1e400", "-1e400", "1e-400", "79228162514264337593543950336", "12.5", "true", "[]", "{}",
        "[null]", "[1]", "{\"x\": 1}", "\"2026-13-01\"", "\"2026-02-29\"", "\"XXX\"", "\"S\"", "380", "99999999999999999999", "\"\\u0000\"",
    ];

    private static bool ReadsOrExplains(byte[] json)
    {
        try
        {
            InvoiceJson.Deserialize(json);
            return true;
        }
        catch (InvoiceFormatException exception)
        {
            return MessageLeaks.IsClean(exception.Message) && exception.Message.Length < 400;
        }
    }

    [Property(MaxTest = 300)]
    public Property Deserialize_TruncatedAnywhere_ReadsOrExplains(NonNegativeInt cut) =>
        ReadsOrExplains(Sample[..(cut.Get % (Sample.Length + 1))]).Label("cut at " + (cut.Get % (Sample.Length + 1)));

    [Property(MaxTest = 500)]
    public Property Deserialize_AnyByteChanged_ReadsOrExplains(NonNegativeInt position, byte value)
    {
        var mutated = (byte[])Sample.Clone();
        mutated[position.Get % mutated.Length] = value;
        return ReadsOrExplains(mutated).Label($"byte {position.Get % mutated.Length} set to {value}");
    }

    [Property(MaxTest = 500)]
    public Property Deserialize_AnyValueReplaced_ReadsOrExplains(NonNegativeInt which, NonNegativeInt hostile)
    {
        var root = JsonNode.Parse(Sample)!;
        var slots = Slots(root).ToList();
        var (parent, key, index) = slots[which.Get % slots.Count];
        var replacement = JsonNode.Parse(Hostile[hostile.Get % Hostile.Length]);
        if (key is not null)
        {
            parent.AsObject()[key] = replacement;
        }
        else
        {
            parent.AsArray()[index] = replacement;
        }

        var json = root.ToJsonString();
        return ReadsOrExplains(Encoding.UTF8.GetBytes(json)).Label(json);
    }

    [Property(MaxTest = 200)]
    public Property Deserialize_RandomBytes_ReadsOrExplains(byte[] bytes) => ReadsOrExplains(bytes).ToProperty();

    /// <summary>Every place a value sits: (object, property name, -) or (array, -, index).</summary>
    private static IEnumerable<(JsonNode Parent, string? Key, int Index)> Slots(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    yield return (obj, key, -1);
                    if (child is not null)
                    {
                        foreach (var slot in Slots(child))
                        {
                            yield return slot;
                        }
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    yield return (array, null, i);
                    if (array[i] is { } child)
                    {
                        foreach (var slot in Slots(child))
                        {
                            yield return slot;
                        }
                    }
                }

                break;
        }
    }
}
