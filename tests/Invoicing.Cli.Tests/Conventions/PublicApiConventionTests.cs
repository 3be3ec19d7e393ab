using System.Reflection;
using System.Runtime.CompilerServices;

namespace Invoicing.Cli.Tests.Conventions;

/// <summary>Conventions every shipped package keeps, checked by reflection so they cannot drift.</summary>
public sealed class PublicApiConventionTests
{
    public static TheoryData<string> Packages { get; } =
    [
        "Invoicing.Core",
        "Invoicing.EInvoicing",
        "Invoicing.Pdf",
        "Invoicing.Dunning",
        "Invoicing.Mail.Smtp",
        "Invoicing.Reporting",
        "Invoicing.Roi",
        "Invoicing.Storage.Sqlite",
        "Invoicing.Storage.PostgreSql",
        "Invoicing.Events",
        "Invoicing.Webhooks",
        "Invoicing.Portal",
        "Invoicing.Payments",
        "Invoicing.Payments.Stripe",
        "Invoicing.France",
    ];

    [Theory]
    [MemberData(nameof(Packages))]
    public void PublicTypes_LiveInThePackageNamespace(string package)
    {
        var strays = PublicTypes(package)
            .Where(t => t.Namespace is null || !(t.Namespace == package || t.Namespace.StartsWith(package + ".", StringComparison.Ordinal)))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(strays);
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void PublicClasses_AreSealedAbstractOrStatic(string package)
    {
        var open = PublicTypes(package)
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && !typeof(Delegate).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(open);
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void PublicAsyncMethods_TakeACancellationTokenAndEndInAsync(string package)
    {
        var offenders = PublicTypes(package)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && IsAsync(m.ReturnType) && m.Name != nameof(IAsyncDisposable.DisposeAsync))
            .Where(m => !m.Name.EndsWith("Async", StringComparison.Ordinal)
                || !m.GetParameters().Any(p => p.ParameterType == typeof(CancellationToken)))
            .Where(m => !IsFrameworkOverride(m))
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}")
            .ToList();

        Assert.Empty(offenders);
    }

    private static IEnumerable<Type> PublicTypes(string package) =>
        Assembly.Load(package).GetExportedTypes().Where(t => t.GetCustomAttribute<CompilerGeneratedAttribute>() is null);

    private static bool IsAsync(Type type) =>
        type == typeof(Task) || type == typeof(ValueTask)
        || (type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(Task<>) || definition == typeof(ValueTask<>) || definition == typeof(IAsyncEnumerable<>)));

    /// <summary>Overrides of framework base classes (a hosted service's ExecuteAsync) keep the framework's signature.</summary>
    private static bool IsFrameworkOverride(MethodInfo method) =>
        method.GetBaseDefinition().DeclaringType is { } declaring && declaring != method.DeclaringType
        && declaring.Assembly.GetName().Name is { } name && !name.StartsWith("Invoicing.", StringComparison.Ordinal);
}
