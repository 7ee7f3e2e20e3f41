package io.cairn.orgcli.model;

import java.util.List;

/**
 * One page of a list: its items and the total number of elements ({@code total_elements_amount}).
 */
public record Page<T>(List<T> items, long totalElementsAmount, int page, int limit) {}
