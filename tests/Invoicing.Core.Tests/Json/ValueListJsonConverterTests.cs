using System.Reflection;
using Invoicing.Core.Json;
using Xunit;

namespace Invoicing.Core.Tests.Json;

/// <summary>Every list in Core's public model has a converter spelled out, so Native AOT compiles it.</summary>
public sealed class ValueListJsonConverterTests
{
    public static TheoryData<string> ModelListElements() => [.. ListElements().Select(element => element.AssemblyQualifiedName!)];

    private static IEnumerable<Type> ListElements() =>
        typeof(Invoice).Assembly.GetExportedTypes()
            .SelectMany(type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(property => property.PropertyType)
            .Where(type => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueList<>))
            .Select(type => type.GetGenericArguments()[0])
            .Where(element => !element.IsGenericParameter)
            .Distinct();

    [Theory]
    [MemberData(nameof(ModelListElements))]
    public void ForModelElement_EveryListOfThePublicModel_HasAConverterSpelledOut(string elementName)
    {
        var element = Type.GetType(elementName, throwOnError: true)!;

        var converter = ValueListJsonConverterFactory.ForModelElement(element);

        Assert.NotNull(converter);
        Assert.True(converter.CanConvert(typeof(ValueList<>).MakeGenericType(element)));
    }

    [Fact]
    public void ListElements_FindsTheValueTypeLists()
    {
        var elements = ListElements().ToList();

        Assert.Contains(typeof(Identifier), elements);
        Assert.Contains(typeof(decimal), elements);
    }
}
