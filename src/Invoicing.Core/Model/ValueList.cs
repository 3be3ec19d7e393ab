using System.Text.Json.Serialization;
using System.Collections;
using System.Runtime.CompilerServices;

namespace Invoicing.Core;

/// <summary>
/// An immutable list with value equality, so that records holding lists (an invoice and its lines)
/// compare by content: a document read, written and read again is equal to the first reading.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
[JsonConverter(typeof(Json.ValueListJsonConverterFactory))]
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    /// <summary>The empty list.</summary>
    public static ValueList<T> Empty { get; } = new([]);

    private ValueList(T[] items) => _items = items;

    /// <summary>Creates a list holding a copy of <paramref name="items"/>.</summary>
    public static ValueList<T> From(IEnumerable<T>? items)
    {
        if (items is null)
        {
            return Empty;
        }

        var array = items.ToArray();
        return array.Length == 0 ? Empty : new ValueList<T>(array);
    }

    internal static ValueList<T> Wrap(T[] items) => items.Length == 0 ? Empty : new ValueList<T>(items);

    /// <inheritdoc />
    public T this[int index] => _items[index];

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <summary>The elements as a read-only span, for loops without an enumerator.</summary>
    public ReadOnlySpan<T> AsSpan() => _items;

    /// <summary>Returns a span enumerator, so <c>foreach</c> allocates nothing.</summary>
    public ReadOnlySpan<T>.Enumerator GetEnumerator() => new ReadOnlySpan<T>(_items).GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <inheritdoc />
    public bool Equals(ValueList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || _items.AsSpan().SequenceEqual(other._items, EqualityComparer<T>.Default));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>Compares two lists by content.</summary>
    public static bool operator ==(ValueList<T>? left, ValueList<T>? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two lists by content.</summary>
    public static bool operator !=(ValueList<T>? left, ValueList<T>? right) => !(left == right);

    /// <summary>Copies an array into a list.</summary>
    public static implicit operator ValueList<T>(T[]? items) => From(items);

    /// <summary>Copies a list into a value list.</summary>
    public static implicit operator ValueList<T>(List<T>? items) => From(items);

    /// <inheritdoc />
    public override string ToString() => $"[{string.Join(", ", _items)}]";
}

/// <summary>Factory for <see cref="ValueList{T}"/>, used by collection expressions.</summary>
public static class ValueList
{
    /// <summary>Creates a list from a span (the target of <c>[a, b, c]</c>).</summary>
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => ValueList<T>.Wrap(items.ToArray());

    /// <summary>Creates a list from any sequence.</summary>
    public static ValueList<T> ToValueList<T>(this IEnumerable<T>? items) => ValueList<T>.From(items);
}
