package org.yizhan.core.internal.window;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.api.YizhanException;
import org.yizhan.api.YizhanException.FieldError;
import org.yizhan.api.cases.ApplicantDTO;
import org.yizhan.api.cases.NewCaseDTO;
import org.yizhan.api.catalogue.ItemDTO;
import org.yizhan.api.network.WindowTypeDTO;
import org.yizhan.api.window.Application;
import org.yizhan.api.window.FormFieldDTO;
import org.yizhan.api.window.ModuleDTO;
import org.yizhan.api.window.Validation;
import org.yizhan.api.window.WindowModule;
import org.yizhan.api.window.WindowService;
import org.yizhan.core.internal.audit.AuditLog;
import org.yizhan.core.internal.catalogue.ItemPublisher;
import org.yizhan.core.internal.network.WindowTypes;

/**
 * The window-module whiteboard: every {@link WindowModule} service that arrives puts its window
 * types and items into the catalogue (a changed item becomes a new version, R29); one that
 * leaves makes its windows unavailable, so they take no new cases, while its cases stay readable
 * and workable. Nothing else restarts.
 */
@Component(service = {WindowService.class, RequestValidator.class}, immediate = true)
public class WindowRegistry implements WindowService, RequestValidator {

    private static final Logger LOG = LoggerFactory.getLogger(WindowRegistry.class);

    /** The comprehensive window of R3 belongs to the platform, not to a module. */
    public static final WindowTypeDTO COMPREHENSIVE = WindowTypeDTO.standard("comprehensive", "综合窗口", "Comprehensive window");

    private final WindowTypes network;
    private final ItemPublisher catalogue;
    private final AuditLog audit;
    private final Map<String, Installed> modules = new ConcurrentHashMap<>();
    private final Map<String, WindowModule> byItem = new ConcurrentHashMap<>();

    private record Installed(WindowModule module, ModuleDTO info) {
    }

    private final org.yizhan.core.internal.Cluster cluster;

    @Activate
    public WindowRegistry(@Reference WindowTypes network, @Reference ItemPublisher catalogue,
                          @Reference AuditLog audit, @Reference org.yizhan.core.internal.Cluster cluster) {
        this.cluster = cluster;
        this.audit = audit;
        this.network = network;
        this.catalogue = catalogue;
        // What a previous run left marked available is not necessarily installed now.
        network.markAllWindowTypesUnavailable();
        network.registerWindowType(COMPREHENSIVE, true);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addModule(WindowModule module, ServiceReference<WindowModule> ref) {
        long t0 = System.nanoTime();
        ModuleDTO info = new ModuleDTO();
        info.id = module.id();
        info.bundle = ref.getBundle().getSymbolicName();
        info.version = ref.getBundle().getVersion().toString();
        try {
            // nodes sharing a database start the same modules together: one writes their windows and items at a time
            cluster.exclusive("window-modules", () -> {
                for (WindowTypeDTO t : module.windowTypes()) {
                    network.registerWindowType(t, true);
                    info.windowTypes.add(t.type);
                }
                for (ItemDTO item : module.items()) {
                    int version = catalogue.publish(item, info.bundle + "/" + info.version);
                    byItem.put(item.code, module);
                    info.items.add(item.code + "@" + version);
                }
            });
            modules.put(info.id, new Installed(module, info));
            LOG.info("Window module {} {} installed: windows {}, items {} ({} ms) / 窗口模块已安装", info.id, info.version,
                    info.windowTypes, info.items, (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.error("Window module {} from {} could not be installed / 窗口模块安装失败", info.id, info.bundle, e);
            return;
        }
        auditModule(org.yizhan.api.audit.AuditService.MODULE_INSTALLED, info);
    }

    /** The audit entry of a module seen arriving or leaving; a failure to write it does not undo the module. */
    private void auditModule(String kind, ModuleDTO info) {
        try {
            audit.record("platform", kind, info.id, info.bundle + " " + info.version + " windows " + info.windowTypes, "platform");
        } catch (RuntimeException e) {
            LOG.warn("Window module {} not written to the audit log (the platform may be stopping): {}", info.id, e.toString());
        }
    }

    void removeModule(WindowModule module, ServiceReference<WindowModule> ref) {
        Installed installed = modules.get(module.id());
        if (installed == null || installed.module() != module) {
            return;
        }
        modules.remove(module.id());
        byItem.values().removeIf(m -> m == module);
        for (String type : installed.info().windowTypes) {
            network.setWindowTypeAvailable(type, false);
        }
        LOG.info("Window module {} {} removed: its windows take no new cases; its cases stay / 窗口模块已卸载",
                installed.info().id, installed.info().version);
        auditModule(org.yizhan.api.audit.AuditService.MODULE_REMOVED, installed.info());
    }

    @Override
    public List<ModuleDTO> modules() {
        List<ModuleDTO> list = new ArrayList<>();
        modules.values().forEach(i -> list.add(i.info()));
        list.sort((a, b) -> a.id.compareTo(b.id));
        return list;
    }

    @Override
    public List<FormFieldDTO> form(String itemCode) {
        WindowModule m = byItem.get(itemCode);
        return m == null ? List.of() : m.formFields(itemCode);
    }

    /**
     * Checks an application against its item's form (required fields, numbers, dates, choices)
     * and the module's own validator. Throws 400 for bad input, 422 for an unmet condition.
     */
    @Override
    public void validate(ItemDTO item, NewCaseDTO request, LocalDate today) {
        WindowModule module = byItem.get(item.code);
        if (module == null) {
            return;
        }
        Map<String, String> attributes = request.attributes == null ? Map.of() : request.attributes;
        List<FieldError> bad = new ArrayList<>();
        List<FieldError> unmet = new ArrayList<>();
        for (FormFieldDTO f : module.formFields(item.code)) {
            String v = attributes.get(f.name);
            String field = "attributes." + f.name;
            if (v == null || v.isBlank()) {
                if (f.required) {
                    bad.add(new FieldError(field, f.labelEn + " is required", f.label + "为必填项"));
                }
                continue;
            }
            switch (f.type) {
                case FormFieldDTO.NUMBER -> {
                    try {
                        Double.parseDouble(v.trim());
                    } catch (NumberFormatException e) {
                        bad.add(new FieldError(field, f.labelEn + " must be a number", f.label + "须为数字"));
                    }
                }
                case FormFieldDTO.DATE -> {
                    try {
                        org.yizhan.api.Dates.parse(field, v);
                    } catch (YizhanException e) {
                        bad.add(new FieldError(field, f.labelEn + " must be a date YYYY-MM-DD between " + org.yizhan.api.Dates.MIN
                                + " and " + org.yizhan.api.Dates.MAX, f.label + "须为日期（YYYY-MM-DD，" + org.yizhan.api.Dates.MIN
                                + " 至 " + org.yizhan.api.Dates.MAX + "）"));
                    }
                }
                case FormFieldDTO.CHOICE -> {
                    if (!f.choices.contains(v)) {
                        bad.add(new FieldError(field, f.labelEn + " must be one of " + f.choices, f.label + "须为 " + f.choices + " 之一"));
                    }
                }
                default -> {
                }
            }
        }
        if (bad.isEmpty()) {
            try {
                for (Validation.Refusal r : Validation.run(module, application(item, request, attributes, today))) {
                    (r.conditionNotMet() ? unmet : bad).add(new FieldError(r.field(), r.message(), r.messageZh()));
                }
            } catch (RuntimeException e) {
                LOG.error("Validator of module {} failed on item {}", module.id(), item.code, e);
                throw YizhanException.rule("R6", null, "The " + module.id() + " window could not check this application",
                        "窗口模块无法校验该申请");
            }
        }
        if (!bad.isEmpty()) {
            throw YizhanException.badInput(bad);
        }
        if (!unmet.isEmpty()) {
            FieldError first = unmet.get(0);
            throw YizhanException.rule("R6", first.field(), first.message() + " (conditions of " + item.code + ": " + item.conditions + ")",
                    first.messageZh() + "（申请条件：" + item.conditions + "）");
        }
    }

    private static Application application(ItemDTO item, NewCaseDTO r, Map<String, String> attributes, LocalDate today) {
        return new Validation.PlainApplication(item.code, r.applicant, birthDate(r.applicant), attributes, today);
    }

    /** The birth date in a resident ID number (GB 11643: digits 7-14). */
    private static Optional<LocalDate> birthDate(ApplicantDTO a) {
        if (a == null || !ApplicantDTO.RESIDENT_ID.equals(a.idType) || a.idNumber == null || a.idNumber.length() != 18) {
            return Optional.empty();
        }
        try {
            String id = a.idNumber;
            return Optional.of(LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
