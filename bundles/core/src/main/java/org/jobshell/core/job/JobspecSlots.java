package org.jobshell.core.job;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The resources section of a version 1 jobspec (RFC 14): one node entry holding one slot entry, or
 * one slot entry, whose slot has a label and holds cores (and GPUs); and the task count it gives.
 *
 * @param nnodes the number of nodes requested (1 without a node entry)
 * @param slotsPerNode slots on each node
 * @param cores cores per slot (at least 1)
 * @param gpus GPUs per slot
 * @param label the slot's label, which the task's {@code slot} names
 */
record JobspecSlots(int nnodes, int slotsPerNode, int cores, int gpus, String label) {

    /**
     * @param resources the jobspec's {@code resources}
     * @return its slots
     * @throws org.jobshell.api.ShellException naming the JSON path of what is wrong
     */
    static JobspecSlots of(JsonNode resources) {
        if (!resources.isArray() || resources.size() != 1) {
            throw Jobspec.bad("resources", "must be an array of one node or slot entry");
        }
        JsonNode top = resources.get(0);
        String type = top.path("type").asText("");
        int nnodes = 1;
        JsonNode slot = top;
        String where = "resources[0]";
        if ("node".equals(type)) {
            nnodes = count(top, where);
            JsonNode with = top.get("with");
            if (with == null || !with.isArray() || with.size() != 1) {
                throw Jobspec.bad(where + ".with", "a node must hold exactly one slot entry");
            }
            slot = with.get(0);
            where += ".with[0]";
        }
        if (!"slot".equals(slot.path("type").asText(""))) {
            throw Jobspec.bad(where + ".type", "must be \"slot\"" + ("node".equals(type) ? "" : " or \"node\""));
        }
        int slotCount = count(slot, where);
        JsonNode label = slot.get("label");
        if (label == null || label.isNull()) {
            throw Jobspec.bad(where + ".label", "missing: a slot needs a label, which tasks[0].slot names");
        }
        if (!label.isTextual() || label.textValue().isEmpty()) {
            throw Jobspec.bad(where + ".label", "must be a non-empty string, got " + label);
        }
        int cores = 0;
        int gpus = 0;
        JsonNode with = slot.get("with");
        if (with != null) {
            if (!with.isArray()) {
                throw Jobspec.bad(where + ".with", "must be an array");
            }
            for (int i = 0; i < with.size(); i++) {
                JsonNode r = with.get(i);
                String t = r.path("type").asText("");
                if ("core".equals(t)) {
                    cores = count(r, where + ".with[" + i + "]");
                } else if ("gpu".equals(t)) {
                    gpus = count(r, where + ".with[" + i + "]");
                }
            }
        }
        return new JobspecSlots(nnodes, slotCount, Math.max(cores, 1), gpus, label.textValue());
    }

    private static int count(JsonNode r, String where) {
        JsonNode c = r.get("count");
        if (c == null || !c.canConvertToInt() || !c.isIntegralNumber() || c.intValue() < 1) {
            throw Jobspec.bad(where + ".count", "must be a positive integer");
        }
        return c.intValue();
    }

    /**
     * @param count the task's {@code count}
     * @return the number of tasks: {@code total}, or {@code per_slot} times every slot of the job
     */
    int taskCount(JsonNode count) {
        if (count == null || !count.isObject()) {
            throw Jobspec.bad("tasks[0].count", "must be an object with per_slot or total");
        }
        JsonNode total = count.get("total");
        JsonNode perSlot = count.get("per_slot");
        if (total != null) {
            if (!total.isIntegralNumber() || total.intValue() < 1) {
                throw Jobspec.bad("tasks[0].count.total", "must be a positive integer");
            }
            return total.intValue();
        }
        if (perSlot != null) {
            if (!perSlot.isIntegralNumber() || perSlot.intValue() < 1) {
                throw Jobspec.bad("tasks[0].count.per_slot", "must be a positive integer");
            }
            long n = (long) perSlot.intValue() * slotsPerNode * nnodes;
            if (n > Integer.MAX_VALUE) {
                throw Jobspec.bad("tasks[0].count", "too many tasks");
            }
            return (int) n;
        }
        throw Jobspec.bad("tasks[0].count", "must be an object with per_slot or total");
    }

}
