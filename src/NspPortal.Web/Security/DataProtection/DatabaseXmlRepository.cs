using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NspPortal.Data;
using NspPortal.Data.Entities;

namespace NspPortal.Web.Security.DataProtection;

/// <summary>Keeps the data-protection key ring in the portal's database (table <c>DataProtectionKeys</c>), so every
/// instance that shares the database decrypts the cookies and antiforgery tokens the others issue — a user signed in
/// on one instance stays signed in on the next. A small stand-in for
/// Microsoft.AspNetCore.DataProtection.EntityFrameworkCore, which the package copy here lacks.
/// The keys are stored unencrypted, like that package does by default: whoever can read the database can forge
/// cookies, so protect the database (or add <c>ProtectKeysWith…</c>).</summary>
internal sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NspDbContext>();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList()
            .Select(xml => XElement.Parse(xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NspDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKeyEntity { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}

internal static class DataProtectionSetup
{
    /// <summary>One application name and the database key ring: the same keys on every instance.</summary>
    public static IServiceCollection AddNspDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("NspPortal");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(provider.GetRequiredService<IServiceScopeFactory>())));
        return services;
    }
}
