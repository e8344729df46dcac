package org.yizhan.shell.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.yizhan.api.network.ImportException;
import org.yizhan.api.network.ImportResultDTO;
import org.yizhan.api.network.NetworkService;

@Command(scope = "yizhan", name = "center-import",
        description = "Import the network from a CSV file (code,name,nameEn,level,parentCode): all or nothing 导入服务网络")
@Service
public class CenterImportCommand implements Action {

    @Reference
    NetworkService network;

    @Argument(index = 0, name = "file", description = "Path of the UTF-8 CSV file (relative to the Karaf home)", required = true)
    String file;

    @Override
    public Object execute() throws Exception {
        Path path = Path.of(System.getProperty("karaf.base", ".")).resolve(file);
        String csv = Files.readString(path, StandardCharsets.UTF_8);
        try {
            ImportResultDTO r = network.importCenters(Centers.console(network), csv);
            System.out.println("Imported 已导入: " + r.created + " created 新建, " + r.updated + " updated 更新, "
                    + r.unchanged + " unchanged 未变");
        } catch (ImportException e) {
            System.out.println("Nothing imported 未导入: " + e.messageZh() + " / " + e.getMessage());
            for (ImportException.LineError le : e.lines()) {
                System.out.println("  line " + le.line() + " [" + le.field() + "] " + le.message() + " / " + le.messageZh());
            }
        }
        return null;
    }
}
